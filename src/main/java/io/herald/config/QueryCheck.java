package io.herald.config;

import io.herald.match.QueryException;

/** Checks a route's query; the loader uses {@code io.herald.match.Query::parse}. */
@FunctionalInterface
interface QueryCheck {
    void check(String query) throws QueryException;
}
