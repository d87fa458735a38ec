package de.zusammenwachsen.workspace.core;

import java.util.List;
import java.util.function.Function;

/** One page of a longer list, with the total so that pagers can show how many there are. */
public record Page<T>(List<T> items, long total, int first, int size) {

    public static final int MAX_SIZE = 100;

    public static int clampSize(int size) {
        return Math.max(1, Math.min(size, MAX_SIZE));
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), total, first, size);
    }
}
