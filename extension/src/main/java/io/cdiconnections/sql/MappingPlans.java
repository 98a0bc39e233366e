package io.cdiconnections.sql;

import java.util.Arrays;
import java.util.List;

/**
 * The mapping plans made lately for each class, so that mapping the results of the same query
 * again costs a comparison of its columns rather than matching them to members anew (issue 16:
 * the plan was most of {@link Table#as(Class)}'s time at 10 rows). Up to {@value #PER_TYPE} plans
 * are kept per class, for its different column lists, the oldest dropped first; a plan that
 * cannot be made is not kept, so a bad mapping fails the same way every time.
 *
 * <p>Plans are kept on the class itself ({@link ClassValue}), and only for classes of this
 * library's class loader or a loader below it (a WAR's own classes, the class path of a Java SE
 * application): a plan refers to this library's classes, and kept on a class of a loader above
 * it, such as the JDK's {@code String}, it would keep an undeployed application's loader alive.
 * Those classes get a new plan on every call.
 */
final class MappingPlans {

    /** The most plans kept per class. */
    static final int PER_TYPE = 8;

    private static final ClassValue<Recent> RECENT = new ClassValue<>() {
        @Override
        protected Recent computeValue(Class<?> type) {
            return new Recent();
        }
    };

    /** The plans of one class, newest last; replaced whole, so readers need no lock. */
    private static final class Recent {
        volatile MappingPlan<?>[] plans = new MappingPlan<?>[0];
    }

    private MappingPlans() {
    }

    /**
     * @param type    the record, bean or value class
     * @param columns the result's columns
     * @param <T>     its type
     * @return a plan for them: one kept from an earlier call with equal columns, or a new one
     * @throws QueryException as {@link MappingPlan#make(Class, List)} throws it
     */
    @SuppressWarnings("unchecked")
    static <T> MappingPlan<T> of(Class<T> type, List<Column> columns) {
        if (!keptFor(type)) {
            return MappingPlan.make(type, columns);
        }
        Recent recent = RECENT.get(type);
        MappingPlan<?>[] plans = recent.plans;
        for (MappingPlan<?> p : plans) {
            if (p.columns() == columns) { // the same table mapped again
                return (MappingPlan<T>) p;
            }
        }
        for (MappingPlan<?> p : plans) {
            if (p.columns().equals(columns)) {
                return (MappingPlan<T>) p;
            }
        }
        MappingPlan<T> made = MappingPlan.make(type, columns);
        synchronized (recent) {
            MappingPlan<?>[] now = recent.plans;
            int from = now.length < PER_TYPE ? 0 : 1;
            MappingPlan<?>[] next = Arrays.copyOfRange(now, from, now.length + 1);
            next[next.length - 1] = made;
            recent.plans = next;
        }
        return made;
    }

    /**
     * @param type a class
     * @return whether its class loader is this library's or below it
     */
    static boolean keptFor(Class<?> type) {
        ClassLoader ours = MappingPlans.class.getClassLoader();
        ClassLoader loader = type.getClassLoader();
        if (loader == ours) {
            return true; // the common case, without asking for parents
        }
        for (ClassLoader l = loader; l != null; l = l.getParent()) {
            if (l == ours) {
                return true;
            }
        }
        return false;
    }
}
