package de.zusammenwachsen.workspace.web.api;

import de.zusammenwachsen.workspace.core.InvalidInputException;
import de.zusammenwachsen.workspace.core.Settings;
import de.zusammenwachsen.workspace.meeting.boundary.DecisionRegister;
import de.zusammenwachsen.workspace.meeting.boundary.RegisterView;
import de.zusammenwachsen.workspace.meeting.entity.Outcome;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import javax.xml.stream.XMLStreamException;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * The network's decisions register: as JSON with the same filters as the page ({@code field}, {@code group},
 * {@code region}, {@code from}, {@code to}, {@code outcome}, {@code q}), and the published decisions as an Atom
 * feed that needs no login. A filter value that does not convert (a date, an outcome) is a 400, never an empty list.
 */
@Path("decisions")
@RequestScoped
public class DecisionsResource {

    /** The filters as query parameters, shared by the list and the feed. */
    public static class FilterParams {

        @QueryParam("field")
        String field;

        @QueryParam("group")
        String group;

        @QueryParam("region")
        String region;

        @QueryParam("from")
        String from;

        @QueryParam("to")
        String to;

        @QueryParam("outcome")
        String outcome;

        @QueryParam("q")
        String text;

        RegisterView.Filter filter() {
            LocalDate start = date("from", from);
            LocalDate end = date("to", to);
            if (start != null && end != null && end.isBefore(start)) {
                throw new InvalidInputException("decisions.dates.reversed");
            }
            return new RegisterView.Filter(field, group, region, start, end, outcome(outcome), text, null);
        }

        /** The same filters for the register page, whose parameters have the same names. */
        String query() {
            StringBuilder query = new StringBuilder();
            append(query, "field", field);
            append(query, "group", group);
            append(query, "region", region);
            append(query, "from", from);
            append(query, "to", to);
            append(query, "outcome", outcome);
            append(query, "q", text);
            return query.isEmpty() ? "" : "?" + query.substring(1);
        }

        private static void append(StringBuilder query, String name, String value) {
            if (value != null && !value.isBlank()) {
                query.append('&').append(name).append('=')
                        .append(java.net.URLEncoder.encode(value.strip(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }

    @Inject
    DecisionRegister register;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    /** One page of the decisions the caller may see (newest first) with totals for the whole filter. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public RegisterView.Register list(@BeanParam FilterParams filter, @BeanParam Paging paging) {
        return register.page(filter.filter(), paging.first(), paging.size(), Problems.locale(headers));
    }

    /** The groups whose decisions the caller sees, for a group filter. */
    @GET
    @Path("groups")
    @Produces(MediaType.APPLICATION_JSON)
    public List<RegisterView.GroupChoice> groups() {
        return register.groups();
    }

    /** The newest published decisions as Atom 1.0, the same for everyone; no login needed. */
    @GET
    @Path("feed")
    @Produces(DecisionFeed.MEDIA_TYPE)
    public Response feed(@BeanParam FilterParams filter) {
        Locale locale = Problems.locale(headers);
        List<RegisterView.Entry> entries = register.published(filter.filter(), locale);
        DecisionFeed feed = new DecisionFeed(Settings.baseUrl(), locale);
        String page = Settings.baseUrl() + "/decisions.xhtml" + filter.query();
        StreamingOutput body = out -> {
            try {
                feed.write(entries, uri.getRequestUri(), page, Instant.now(), out);
            } catch (XMLStreamException e) {
                throw new IOException("could not write the decisions feed", e);
            }
        };
        return Response.ok(body, DecisionFeed.MEDIA_TYPE + ";charset=UTF-8").build();
    }

    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("rest.parameter.invalid", name, value);
        }
    }

    static Outcome outcome(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Outcome.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("rest.parameter.invalid", "outcome", value);
        }
    }
}
