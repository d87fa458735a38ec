package de.zusammenwachsen.workspace.web.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * One JSON-B instance for every answer of the API. Without a resolver RESTEasy builds a new {@link Jsonb} for each
 * answer and closes it afterwards: looking the provider up through the deployment's class path and building Yasson's
 * type model cost a third of a small answer's CPU time (measured with JFR on the suggestions endpoint). A
 * {@link Jsonb} is thread-safe and keeps its type model, so sharing one is what JSON-B intends.
 */
@Provider
public class JsonbResolver implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
