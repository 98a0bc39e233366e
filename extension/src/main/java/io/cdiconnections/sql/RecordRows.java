package io.cdiconnections.sql;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.LocalDateTime;

/**
 * Makes, for a kept mapping plan of a record, a {@link RowMapper} of its own: a copy of
 * {@link RecordRowsTemplate} defined as a hidden class with the plan as its constants, which
 * the JIT compiles as it would a hand-written loop for that record and those columns (issue 16:
 * the shared mapper's per-member dispatch cost 10 to 25 ns a row over a hand loop). Only plans
 * {@link MappingPlans} keeps get one, and only with a bound constructor ({@link RecordConstructor}):
 * a class per plan, unloaded with it, never a class per call.
 *
 * <p>Where the template's bytes cannot be read or the JVM refuses the class, the shared mapper
 * is used, with the same results.
 */
final class RecordRows {

    /** The template's class file, or null when it cannot be read. */
    private static final byte[] TEMPLATE = read();

    private RecordRows() {
    }

    /**
     * @param plan   a kept plan of a record
     * @param record its constructor
     * @param <T>    the record
     * @return a mapper of the plan's own, or null when the record's constructor is not bound or the JVM refuses
     */
    @SuppressWarnings("unchecked")
    static <T> RowMapper<T> of(MappingPlan<T> plan, RecordConstructor record) {
        Object make = record.target();
        if (TEMPLATE == null || make == null) {
            return null;
        }
        int n = plan.size();
        int[] columns = new int[n];
        Class<?>[] passing = new Class<?>[n];
        int stamps = 0;
        for (int m = 0; m < n; m++) {
            columns[m] = plan.column(m);
            passing[m] = plan.passing(m);
            if (plan.boxed(m) == LocalDateTime.class) {
                stamps |= 1 << m;
            }
        }
        try {
            MethodHandles.Lookup own = MethodHandles.lookup().defineHiddenClassWithClassData(TEMPLATE,
                    new Object[] {plan, record, make, columns, passing, stamps}, true);
            return (RowMapper<T>) own.findConstructor(own.lookupClass(), MethodType.methodType(void.class)).invoke();
        } catch (Throwable refused) { // a JVM or a policy that refuses hidden classes: the shared mapper does it
            return null;
        }
    }

    private static byte[] read() {
        try (InputStream in = RecordRows.class.getResourceAsStream("RecordRowsTemplate.class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
