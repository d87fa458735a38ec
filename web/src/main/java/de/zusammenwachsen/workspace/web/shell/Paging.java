package de.zusammenwachsen.workspace.web.shell;

import de.zusammenwachsen.workspace.core.Page;

/** Page numbers for the pagers of long lists; pages are counted from 1 in URLs. */
public record Paging(int page, int size, long total) {

    public static final int SIZE = 20;

    public static int first(Integer page, int size) {
        return (page == null || page < 1 ? 0 : page - 1) * size;
    }

    public static Paging of(Page<?> result) {
        return new Paging(result.first() / result.size() + 1, result.size(), result.total());
    }

    public long pages() {
        return Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }

    public int previous() {
        return page - 1;
    }

    public int next() {
        return page + 1;
    }
}
