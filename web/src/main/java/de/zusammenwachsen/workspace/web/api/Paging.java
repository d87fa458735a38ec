package de.zusammenwachsen.workspace.web.api;

import jakarta.ws.rs.QueryParam;

/** {@code ?first=&size=} of every list that pages; the boundaries clamp the size to at most 100. */
public class Paging {

    static final int DEFAULT_SIZE = 20;

    @QueryParam("first")
    String first;

    @QueryParam("size")
    String size;

    int first() {
        return Math.max(0, Requests.integer("first", first, 0));
    }

    int size() {
        return Requests.integer("size", size, DEFAULT_SIZE);
    }
}
