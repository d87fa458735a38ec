package de.zusammenwachsen.workspace.e2e;

import de.zusammenwachsen.workspace.web.api.ApiApplication;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The OpenAPI document at {@code /openapi} describes exactly the API there is: its (method, path) pairs equal those
 * found by reflection on the JAX-RS resource classes of the web module (on the test classpath as its classes jar).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OpenApiIT {

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.workspace();
    }

    @Test
    void theDocumentListsExactlyTheResourceMethods() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(LandingIT.BASE + "/openapi?format=JSON")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        JsonObject document = Json.createReader(new StringReader(response.body())).readObject();
        assertFalse(document.getString("openapi").isBlank());
        // Merged from the web module's META-INF/openapi.yaml: how to authenticate.
        assertEquals("ZusammenWachsen workspace API", document.getJsonObject("info").getString("title"));
        assertEquals("bearer", document.getJsonObject("components").getJsonObject("securitySchemes")
                .getJsonObject("bearer").getString("scheme"));

        Set<String> documented = new TreeSet<>();
        document.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().keySet().stream()
                .filter(HTTP_METHODS::contains)
                .forEach(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path)));

        Set<String> implemented = resourceMethods();
        assertFalse(implemented.isEmpty());
        assertEquals(String.join("\n", implemented), String.join("\n", documented));
    }

    /** "GET /api/v1/groups/{slug}" for every resource method in the package of {@link ApiApplication}. */
    static Set<String> resourceMethods() throws IOException, URISyntaxException, ClassNotFoundException {
        String root = ApiApplication.class.getAnnotation(ApplicationPath.class).value();
        Set<String> pairs = new TreeSet<>();
        for (Class<?> type : classesOf(ApiApplication.class.getPackageName())) {
            Path classPath = type.getAnnotation(Path.class);
            if (classPath == null) {
                continue;
            }
            for (Method method : type.getMethods()) {
                String verb = httpMethod(method);
                if (verb != null) {
                    Path methodPath = method.getAnnotation(Path.class);
                    pairs.add(verb + " " + normalise(root, classPath.value(), methodPath == null ? "" : methodPath.value()));
                }
            }
        }
        return pairs;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    /** Joins the segments, drops regular expressions of templates ({@code {id: \d+}} is {@code {id}}). */
    private static String normalise(String... segments) {
        String joined = "/" + String.join("/", segments);
        joined = joined.replaceAll("\\{\\s*([\\w.-]+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    /** The top-level classes of a package, from a directory or a jar on the classpath. */
    private static List<Class<?>> classesOf(String packageName) throws IOException, URISyntaxException, ClassNotFoundException {
        String folder = packageName.replace('.', '/');
        List<String> names = new ArrayList<>();
        for (URL url : Collections.list(OpenApiIT.class.getClassLoader().getResources(folder))) {
            if (url.getProtocol().equals("jar")) {
                JarURLConnection connection = (JarURLConnection) url.openConnection();
                connection.setUseCaches(false); // our own JarFile, so that closing it disturbs no one
                try (var jar = connection.getJarFile()) {
                    jar.stream().map(entry -> entry.getName())
                            .filter(name -> name.startsWith(folder + "/") && name.indexOf('/', folder.length() + 1) < 0)
                            .forEach(names::add);
                }
            } else {
                try (Stream<java.nio.file.Path> files = Files.list(Paths.get(url.toURI()))) {
                    files.map(file -> folder + "/" + file.getFileName()).forEach(names::add);
                }
            }
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String name : names) {
            if (name.endsWith(".class") && !name.contains("$")) {
                classes.add(Class.forName(name.substring(0, name.length() - ".class".length()).replace('/', '.'),
                        false, OpenApiIT.class.getClassLoader()));
            }
        }
        return classes;
    }
}
