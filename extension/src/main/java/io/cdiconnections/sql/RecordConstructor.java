package io.cdiconnections.sql;

import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;

/**
 * Calls a record's canonical constructor once per row. Reflection's
 * {@code Constructor.newInstance} takes an argument array and checks and unboxes each argument on
 * every call: about a third of {@link Table#as(Class)}'s time per row beyond a hand-written loop
 * (issue 16). Where the JVM lets us, the constructor is instead bound once per record class to a
 * small class of the JDK's {@link LambdaMetafactory}, as a constructor reference {@code Item::new}
 * is, which the JIT inlines like hand-written code: the record's own members are read by the
 * caller and passed as they are, with no array.
 *
 * <p>That needs a lookup with full access to the record's class, which
 * {@link MethodHandles#privateLookupIn} gives when the record is in this library's module: the
 * same class loader, as in a WAR whose {@code WEB-INF/lib} holds the library, or a Java SE class
 * path. Elsewhere (a record of another module, more than {@value #MAX_ARITY} components, a
 * security policy that refuses) reflection is used, with the same results and messages.
 */
final class RecordConstructor {

    /** The most components bound without reflection. */
    static final int MAX_ARITY = 12;

    // one interface per arity: what the metafactory implements, each argument erased to Object; public,
    // for the class it makes is in the record's package (the class holding them is not)
    @FunctionalInterface public interface A1 { Object make(Object a); }
    @FunctionalInterface public interface A2 { Object make(Object a, Object b); }
    @FunctionalInterface public interface A3 { Object make(Object a, Object b, Object c); }
    @FunctionalInterface public interface A4 { Object make(Object a, Object b, Object c, Object d); }
    @FunctionalInterface public interface A5 { Object make(Object a, Object b, Object c, Object d, Object e); }
    @FunctionalInterface public interface A6 { Object make(Object a, Object b, Object c, Object d, Object e, Object f); }
    @FunctionalInterface public interface A7 {
        Object make(Object a, Object b, Object c, Object d, Object e, Object f, Object g);
    }
    @FunctionalInterface public interface A8 {
        Object make(Object a, Object b, Object c, Object d, Object e, Object f, Object g, Object h);
    }
    @FunctionalInterface public interface A9 {
        Object make(Object a, Object b, Object c, Object d, Object e, Object f, Object g, Object h, Object i);
    }
    @FunctionalInterface public interface A10 {
        Object make(Object a, Object b, Object c, Object d, Object e, Object f, Object g, Object h, Object i,
                Object j);
    }
    @FunctionalInterface public interface A11 {
        Object make(Object a, Object b, Object c, Object d, Object e, Object f, Object g, Object h, Object i,
                Object j, Object k);
    }
    @FunctionalInterface public interface A12 {
        Object make(Object a, Object b, Object c, Object d, Object e, Object f, Object g, Object h, Object i,
                Object j, Object k, Object l);
    }

    private static final Class<?>[] INTERFACES = {null, A1.class, A2.class, A3.class, A4.class, A5.class,
        A6.class, A7.class, A8.class, A9.class, A10.class, A11.class, A12.class};

    private final Constructor<?> constructor;
    private final int arity;
    /** The bound {@code A<arity>}, or null when reflection is used. */
    private final Object bound;
    /** The arity when bound, else 0: which of the methods below makes a record. */
    private final int dispatch;

    private RecordConstructor(Constructor<?> constructor, Object bound) {
        this.constructor = constructor;
        this.arity = constructor.getParameterCount();
        this.bound = bound;
        this.dispatch = bound == null ? 0 : arity;
    }

    /**
     * @param constructor a record's canonical constructor, accessible
     * @return its caller: bound where the JVM allows, else by reflection
     */
    static RecordConstructor of(Constructor<?> constructor) {
        return of(constructor, true);
    }

    /**
     * @param constructor a record's canonical constructor, accessible
     * @param bind        whether to bind it: not for a record whose shape is not kept, which
     *                    would define a class per call
     * @return its caller
     */
    static RecordConstructor of(Constructor<?> constructor, boolean bind) {
        return new RecordConstructor(constructor, bind ? bind(constructor) : null);
    }

    /** @return whether the constructor is called without reflection (for the tests) */
    boolean bound() {
        return bound != null;
    }

    /** @return the bound {@code A<arity>}, or null when reflection is used */
    Object target() {
        return bound;
    }

    private static Object bind(Constructor<?> constructor) {
        int n = constructor.getParameterCount();
        if (n == 0 || n > MAX_ARITY) {
            return null;
        }
        Class<?> type = constructor.getDeclaringClass();
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            if (!lookup.hasFullPrivilegeAccess()) {
                return null; // another module: the metafactory would refuse the lookup
            }
            MethodHandle make = lookup.unreflectConstructor(constructor);
            Class<?>[] boxed = constructor.getParameterTypes().clone();
            for (int i = 0; i < n; i++) {
                boxed[i] = Values.boxed(boxed[i]);
            }
            Class<?> api = INTERFACES[n];
            CallSite site = LambdaMetafactory.metafactory(lookup, "make", MethodType.methodType(api),
                    MethodType.genericMethodType(n), make, MethodType.methodType(type, boxed));
            return site.getTarget().invoke();
        } catch (Throwable refused) { // IllegalAccessException, LambdaConversionException, a SecurityException
            return null;
        }
    }

    /**
     * Makes the record of one row. Every cell is read before the constructor runs, so that a
     * failure to read or convert one propagates as it is and only the constructor's own is
     * reported as the constructor's. One small method per arity, so that the JIT inlines the
     * one a record uses into the loop over the rows (one method for all was too big to inline).
     *
     * @param row   the row
     * @param cells reads each component's value, converted to its type, in order
     * @param <S>   the row
     * @param <X>   what reading may throw
     * @return the record
     * @throws X              when reading fails
     * @throws QueryException when the constructor throws, naming the record and the cause
     */
    <S, X extends Exception> Object make(S row, MappingPlan.Cells<S, X> cells) throws X {
        return switch (dispatch) {
            case 1 -> one(row, cells);
            case 2 -> two(row, cells);
            case 3 -> three(row, cells);
            case 4 -> four(row, cells);
            case 5 -> five(row, cells);
            case 6 -> six(row, cells);
            case 7 -> seven(row, cells);
            case 8 -> eight(row, cells);
            case 9 -> nine(row, cells);
            case 10 -> ten(row, cells);
            case 11 -> eleven(row, cells);
            case 12 -> twelve(row, cells);
            default -> reflected(row, cells);
        };
    }

    private <S, X extends Exception> Object reflected(S row, MappingPlan.Cells<S, X> cells) throws X {
        Object[] args = new Object[arity];
        for (int i = 0; i < arity; i++) {
            args[i] = cells.get(row, i);
        }
        return reflect(args);
    }

    private <S, X extends Exception> Object one(S row, MappingPlan.Cells<S, X> in) throws X {
        Object a = in.get(row, 0);
        try {
            return ((A1) bound).make(a);
        } catch (Throwable thrown) { // all that reflection wraps in InvocationTargetException
            throw failed(thrown);
        }
    }

    private <S, X extends Exception> Object two(S row, MappingPlan.Cells<S, X> in) throws X {
        Object a = in.get(row, 0);
        Object b = in.get(row, 1);
        try {
            return ((A2) bound).make(a, b);
        } catch (Throwable thrown) { // all that reflection wraps in InvocationTargetException
            throw failed(thrown);
        }
    }

    private <S, X extends Exception> Object three(S row, MappingPlan.Cells<S, X> in) throws X {
        Object a = in.get(row, 0);
        Object b = in.get(row, 1);
        Object c = in.get(row, 2);
        try {
            return ((A3) bound).make(a, b, c);
        } catch (Throwable thrown) { // all that reflection wraps in InvocationTargetException
            throw failed(thrown);
        }
    }

    private <S, X extends Exception> Object four(S row, MappingPlan.Cells<S, X> in) throws X {
        Object a = in.get(row, 0);
        Object b = in.get(row, 1);
        Object c = in.get(row, 2);
        Object d = in.get(row, 3);
        try {
            return ((A4) bound).make(a, b, c, d);
        } catch (Throwable thrown) { // all that reflection wraps in InvocationTargetException
            throw failed(thrown);
        }
    }

    private <S, X extends Exception> Object five(S row, MappingPlan.Cells<S, X> in) throws X {
        Object a = in.get(row, 0);
        Object b = in.get(row, 1);
        Object c = in.get(row, 2);
        Object d = in.get(row, 3);
        Object e = in.get(row, 4);
        try {
            return ((A5) bound).make(a, b, c, d, e);
        } catch (Throwable thrown) { // all that reflection wraps in InvocationTargetException
            throw failed(thrown);
        }
    }

    private <S, X extends Exception> Object six(S row, MappingPlan.Cells<S, X> in) throws X {
        Object a = in.get(row, 0);
        Object b = in.get(row, 1);
        Object c = in.get(row, 2);
        Object d = in.get(row, 3);
        Object e = in.get(row, 4);
        Object f = in.get(row, 5);
        try {
            return ((A6) bound).make(a, b, c, d, e, f);
        } catch (Throwable thrown) { // all that reflection wraps in InvocationTargetException
            throw failed(thrown);
        }
    }

    private <S, X extends Exception> Object seven(S row, MappingPlan.Cells<S, X> in) throws X {
        Object a = in.get(row, 0);
        Object b = in.get(row, 1);
        Object c = in.get(row, 2);
        Object d = in.get(row, 3);
        Object e = in.get(row, 4);
        Object f = in.get(row, 5);
        Object g = in.get(row, 6);
        try {
            return ((A7) bound).make(a, b, c, d, e, f, g);
        } catch (Throwable thrown) { // all that reflection wraps in InvocationTargetException
            throw failed(thrown);
        }
    }

    private <S, X extends Exception> Object eight(S row, MappingPlan.Cells<S, X> in) throws X {
        Object a = in.get(row, 0);
        Object b = in.get(row, 1);
        Object c = in.get(row, 2);
        Object d = in.get(row, 3);
        Object e = in.get(row, 4);
        Object f = in.get(row, 5);
        Object g = in.get(row, 6);
        Object h = in.get(row, 7);
        try {
            return ((A8) bound).make(a, b, c, d, e, f, g, h);
        } catch (Throwable thrown) { // all that reflection wraps in InvocationTargetException
            throw failed(thrown);
        }
    }

    private <S, X extends Exception> Object nine(S row, MappingPlan.Cells<S, X> in) throws X {
        Object a = in.get(row, 0);
        Object b = in.get(row, 1);
        Object c = in.get(row, 2);
        Object d = in.get(row, 3);
        Object e = in.get(row, 4);
        Object f = in.get(row, 5);
        Object g = in.get(row, 6);
        Object h = in.get(row, 7);
        Object i = in.get(row, 8);
        try {
            return ((A9) bound).make(a, b, c, d, e, f, g, h, i);
        } catch (Throwable thrown) { // all that reflection wraps in InvocationTargetException
            throw failed(thrown);
        }
    }

    private <S, X extends Exception> Object ten(S row, MappingPlan.Cells<S, X> in) throws X {
        Object a = in.get(row, 0);
        Object b = in.get(row, 1);
        Object c = in.get(row, 2);
        Object d = in.get(row, 3);
        Object e = in.get(row, 4);
        Object f = in.get(row, 5);
        Object g = in.get(row, 6);
        Object h = in.get(row, 7);
        Object i = in.get(row, 8);
        Object j = in.get(row, 9);
        try {
            return ((A10) bound).make(a, b, c, d, e, f, g, h, i, j);
        } catch (Throwable thrown) { // all that reflection wraps in InvocationTargetException
            throw failed(thrown);
        }
    }

    private <S, X extends Exception> Object eleven(S row, MappingPlan.Cells<S, X> in) throws X {
        Object a = in.get(row, 0);
        Object b = in.get(row, 1);
        Object c = in.get(row, 2);
        Object d = in.get(row, 3);
        Object e = in.get(row, 4);
        Object f = in.get(row, 5);
        Object g = in.get(row, 6);
        Object h = in.get(row, 7);
        Object i = in.get(row, 8);
        Object j = in.get(row, 9);
        Object k = in.get(row, 10);
        try {
            return ((A11) bound).make(a, b, c, d, e, f, g, h, i, j, k);
        } catch (Throwable thrown) { // all that reflection wraps in InvocationTargetException
            throw failed(thrown);
        }
    }

    private <S, X extends Exception> Object twelve(S row, MappingPlan.Cells<S, X> in) throws X {
        Object a = in.get(row, 0);
        Object b = in.get(row, 1);
        Object c = in.get(row, 2);
        Object d = in.get(row, 3);
        Object e = in.get(row, 4);
        Object f = in.get(row, 5);
        Object g = in.get(row, 6);
        Object h = in.get(row, 7);
        Object i = in.get(row, 8);
        Object j = in.get(row, 9);
        Object k = in.get(row, 10);
        Object l = in.get(row, 11);
        try {
            return ((A12) bound).make(a, b, c, d, e, f, g, h, i, j, k, l);
        } catch (Throwable thrown) { // all that reflection wraps in InvocationTargetException
            throw failed(thrown);
        }
    }

    /**
     * @param thrown what the constructor threw: what reflection would wrap
     * @return the failure reported as reflection's is, naming the record and the cause
     */
    QueryException failed(Throwable thrown) {
        return new QueryException(SqlMessages.sqlConstructorFailed(constructor.getDeclaringClass().getName(),
                String.valueOf(thrown)));
    }

    private Object reflect(Object[] args) {
        try {
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw new QueryException(SqlMessages.sqlConstructorFailed(constructor.getDeclaringClass().getName(),
                    String.valueOf(e.getCause())));
        } catch (ReflectiveOperationException e) {
            throw new QueryException(SqlMessages.sqlNotInstantiable(constructor.getDeclaringClass().getName()));
        }
    }
}
