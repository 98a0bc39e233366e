package io.cdiconnections.sql;

import java.lang.constant.ConstantDescs;
import java.lang.invoke.MethodHandles;

/**
 * The code of {@link RecordRows}: never loaded as it is, but defined again as a hidden class for
 * each kept mapping plan of a record, with that plan's record constructor, plan and column
 * positions as class data. They land in {@code static final} fields, which the JIT takes as
 * constants, so each copy compiles to what a hand-written loop is: the columns read at fixed
 * positions, the arity's branch chosen once, the record's constructor called directly, and a
 * profile of its own rather than one shared by every record class (issue 16).
 *
 * <p>A value is still converted by {@link MappingPlan#value}, which passes a value of the class
 * the column held before as it is. Every value is read and converted before the constructor runs,
 * as {@link RecordConstructor} does, so that only the constructor's own failure is reported as
 * the constructor's.
 */
final class RecordRowsTemplate implements RowMapper<Object> {

    private static final MappingPlan<?> PLAN;
    private static final RecordConstructor RECORD;
    private static final Object MAKE;
    private static final int N;
    /** Per member, the position of its column. */
    private static final int C0;
    private static final int C1;
    private static final int C2;
    private static final int C3;
    private static final int C4;
    private static final int C5;
    private static final int C6;
    private static final int C7;
    private static final int C8;
    private static final int C9;
    private static final int C10;
    private static final int C11;
    /** Bit m set when member m is a {@code LocalDateTime}: a {@code Timestamp} for it is converted here. */
    private static final int STAMPS;
    /** Per member, the class of the values that passed as they were when this copy was made, or null. */
    private static final Class<?> K0;
    private static final Class<?> K1;
    private static final Class<?> K2;
    private static final Class<?> K3;
    private static final Class<?> K4;
    private static final Class<?> K5;
    private static final Class<?> K6;
    private static final Class<?> K7;
    private static final Class<?> K8;
    private static final Class<?> K9;
    private static final Class<?> K10;
    private static final Class<?> K11;

    static {
        Object[] data = data();
        PLAN = (MappingPlan<?>) data[0];
        RECORD = (RecordConstructor) data[1];
        MAKE = data[2];
        int[] c = (int[]) data[3];
        N = c.length;
        C0 = at(c, 0);
        C1 = at(c, 1);
        C2 = at(c, 2);
        C3 = at(c, 3);
        C4 = at(c, 4);
        C5 = at(c, 5);
        C6 = at(c, 6);
        C7 = at(c, 7);
        C8 = at(c, 8);
        C9 = at(c, 9);
        C10 = at(c, 10);
        C11 = at(c, 11);
        STAMPS = (Integer) data[5];
        Class<?>[] k = (Class<?>[]) data[4];
        K0 = at(k, 0);
        K1 = at(k, 1);
        K2 = at(k, 2);
        K3 = at(k, 3);
        K4 = at(k, 4);
        K5 = at(k, 5);
        K6 = at(k, 6);
        K7 = at(k, 7);
        K8 = at(k, 8);
        K9 = at(k, 9);
        K10 = at(k, 10);
        K11 = at(k, 11);
    }

    /** @return the class data, or four empty places when this class is loaded as it is (which {@link #map} refuses) */
    private static Object[] data() {
        try {
            Object[] d = MethodHandles.classData(MethodHandles.lookup(), ConstantDescs.DEFAULT_NAME, Object[].class);
            return d != null ? d : new Object[] {null, null, null, new int[0], new Class<?>[0], 0};
        } catch (IllegalAccessException e) {
            return new Object[] {null, null, null, new int[0], new Class<?>[0], 0};
        }
    }

    private static int at(int[] c, int i) {
        return i < c.length ? c[i] : 0;
    }

    private static Class<?> at(Class<?>[] k, int i) {
        return i < k.length ? k[i] : null;
    }

    /**
     * @param p     the plan
     * @param x     the value in the member's column
     * @param m     the member
     * @param known the class of values that pass as they are, or null
     * @return the value converted: here when it is of the known class or a timestamp for a
     *         {@code LocalDateTime}, else by the plan
     */
    private static Object cell(MappingPlan<?> p, Object x, int m, Class<?> known) {
        if (x != null) {
            Class<?> c = x.getClass();
            if (c == known) {
                return x;
            }
            if ((STAMPS >>> m & 1) != 0 && c == java.sql.Timestamp.class) {
                return ((java.sql.Timestamp) x).toLocalDateTime();
            }
        }
        return p.value(x, m);
    }

    @Override
    public Object map(Object[] v) {
        if (N == 0) {
            throw new IllegalStateException("a template, never used as it is");
        }
        MappingPlan<?> p = PLAN;
        Object a = N > 0 ? cell(p, v[C0], 0, K0) : null;
        Object b = N > 1 ? cell(p, v[C1], 1, K1) : null;
        Object c = N > 2 ? cell(p, v[C2], 2, K2) : null;
        Object d = N > 3 ? cell(p, v[C3], 3, K3) : null;
        Object e = N > 4 ? cell(p, v[C4], 4, K4) : null;
        Object f = N > 5 ? cell(p, v[C5], 5, K5) : null;
        Object g = N > 6 ? cell(p, v[C6], 6, K6) : null;
        Object h = N > 7 ? cell(p, v[C7], 7, K7) : null;
        Object i = N > 8 ? cell(p, v[C8], 8, K8) : null;
        Object j = N > 9 ? cell(p, v[C9], 9, K9) : null;
        Object k = N > 10 ? cell(p, v[C10], 10, K10) : null;
        Object l = N > 11 ? cell(p, v[C11], 11, K11) : null;
        try {
            return switch (N) {
                case 1 -> ((RecordConstructor.A1) MAKE).make(a);
                case 2 -> ((RecordConstructor.A2) MAKE).make(a, b);
                case 3 -> ((RecordConstructor.A3) MAKE).make(a, b, c);
                case 4 -> ((RecordConstructor.A4) MAKE).make(a, b, c, d);
                case 5 -> ((RecordConstructor.A5) MAKE).make(a, b, c, d, e);
                case 6 -> ((RecordConstructor.A6) MAKE).make(a, b, c, d, e, f);
                case 7 -> ((RecordConstructor.A7) MAKE).make(a, b, c, d, e, f, g);
                case 8 -> ((RecordConstructor.A8) MAKE).make(a, b, c, d, e, f, g, h);
                case 9 -> ((RecordConstructor.A9) MAKE).make(a, b, c, d, e, f, g, h, i);
                case 10 -> ((RecordConstructor.A10) MAKE).make(a, b, c, d, e, f, g, h, i, j);
                case 11 -> ((RecordConstructor.A11) MAKE).make(a, b, c, d, e, f, g, h, i, j, k);
                default -> ((RecordConstructor.A12) MAKE).make(a, b, c, d, e, f, g, h, i, j, k, l);
            };
        } catch (Throwable thrown) { // all that reflection wraps in InvocationTargetException
            throw RECORD.failed(thrown);
        }
    }
}
