package io.cdiconnections.sql;

import java.util.Locale;

/**
 * Maps the values of a row of a {@link Table} to a record, a bean or a single value, following a
 * {@link MappingPlan} ({@link MappingPlan#rows()}). Names match ignoring case and
 * underscores.
 *
 * @param <T> the target type
 */
@FunctionalInterface
interface RowMapper<T> {

    T map(Object[] values);

    static String normalize(String name) {
        return name.replace("_", "").toLowerCase(Locale.ROOT);
    }
}
