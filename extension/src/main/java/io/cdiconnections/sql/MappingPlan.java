package io.cdiconnections.sql;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which column fills which member of a type, decided from the result's columns and kept for
 * the next result with the same columns ({@link MappingPlans}): the components of a record (by its canonical constructor), the properties of a bean
 * (through setters or fields), or the single value of a one-column result. Names match ignoring
 * case and underscores; the first of two columns of the same name wins. Both mappings follow it:
 * {@link RowMapper} from a {@link Table}'s values, {@link ResultMapper} straight from a
 * {@code ResultSet}, so they match, convert and fail alike.
 *
 * @param <T> the target type
 */
final class MappingPlan<T> {

    /**
     * Where the value of a member comes from, for one row.
     *
     * @param <S> the row: a {@code Object[]} of a table, or a result set on its current row
     * @param <X> what reading a value may throw
     */
    @FunctionalInterface
    interface Cells<S, X extends Exception> {
        /**
         * @param row    the row
         * @param member the member's position in the plan
         * @return the member's value, converted ({@link #value(Object, int)})
         * @throws X when reading fails
         */
        Object get(S row, int member) throws X;
    }

    private final List<Column> columns;
    /** Per member: its column's position, its name, its declared type and that type boxed. */
    private final int[] column;
    private final String[] names;
    private final Class<?>[] types;
    private final Class<?>[] boxed;
    /** The bean's no-argument constructor; null for a record or a single value. */
    private final Constructor<T> constructor;
    /** The record's canonical constructor; null for a bean or a single value. */
    private final RecordConstructor record;
    /**
     * Per member, how the values of the class last seen convert: decided on the first value and
     * kept while the column's values are of that class, as they are for a driver's column, so
     * that a row does not walk {@link Values#convert}'s tests again. Shared by every thread
     * using the plan: each element is an immutable object, written whole.
     */
    private final Seen[] seen;
    /** Per member, the class of {@link #seen} when its values pass as they are, else null. */
    private final Class<?>[] passes;
    /** The target type's class loader: a value class of a loader it does not outlive is not remembered. */
    private final ClassLoader owner;
    /** A bean's properties, in member order; null for a record or a single value. */
    private final BeanProperty[] properties;
    /** How a {@link Table}'s rows map: the shared mapper, made on first use ({@link #rows()}). */
    private RowMapper<T> shared;
    /** How they map from the second use on: a record's mapper of this plan's own, or the shared one. */
    private RowMapper<T> rows;
    /** Whether {@link #rows()} was asked once: two threads may both see it unset, and both map with the shared one. */
    private boolean used;

    private MappingPlan(Class<?> type, List<Column> columns, int[] column, String[] names, Class<?>[] types,
            Constructor<T> constructor, RecordConstructor record, BeanProperty[] properties) {
        this.owner = type.getClassLoader();
        this.columns = columns;
        this.column = column;
        this.names = names;
        this.types = types;
        this.boxed = new Class<?>[types.length];
        for (int i = 0; i < types.length; i++) {
            boxed[i] = Values.boxed(types[i]);
        }
        this.constructor = constructor;
        this.record = record;
        this.properties = properties;
        this.seen = new Seen[types.length];
        this.passes = new Class<?>[types.length];
    }

    /**
     * @param type    the record, bean or value class
     * @param columns the result's columns
     * @param <T>     its type
     * @return the plan, kept from an earlier call with the same columns where {@link MappingPlans} keeps it
     * @throws QueryException naming the member no column fills, or why the type cannot be made
     */
    static <T> MappingPlan<T> of(Class<T> type, List<Column> columns) {
        return MappingPlans.of(type, columns);
    }

    /**
     * @param type    the record, bean or value class
     * @param columns the result's columns
     * @param <T>     its type
     * @return a new plan
     * @throws QueryException naming the member no column fills, or why the type cannot be made
     */
    static <T> MappingPlan<T> make(Class<T> type, List<Column> columns) {
        if (Values.isScalar(type)) {
            if (columns.size() != 1) {
                throw new QueryException(SqlMessages.sqlScalarNeedsOneColumn(type.getName(), columns.size()));
            }
            return new MappingPlan<>(type, columns, new int[] {0}, new String[] {type.getSimpleName()},
                    new Class<?>[] {type}, null, null, null);
        }
        return type.isRecord() ? record(type, columns) : bean(type, columns);
    }

    private static <T> MappingPlan<T> record(Class<T> type, List<Column> columns) {
        RecordShape shape = RecordShape.of(type);
        Map<String, Integer> byName = byName(columns);
        int n = shape.names.length;
        int[] index = new int[n];
        for (int i = 0; i < n; i++) {
            Integer col = byName.get(shape.normalized[i]);
            if (col == null) {
                throw new QueryException(SqlMessages.sqlNoColumnForComponent(type.getName(), shape.names[i],
                        columns.stream().map(Column::name).toList()));
            }
            index[i] = col;
        }
        return new MappingPlan<>(type, columns, index, shape.names, shape.types, null, shape.constructor(type), null);
    }

    private static <T> MappingPlan<T> bean(Class<T> type, List<Column> columns) {
        Constructor<T> ctor;
        try {
            ctor = type.getDeclaredConstructor();
            ctor.setAccessible(true);
        } catch (NoSuchMethodException | RuntimeException e) {
            throw new QueryException(SqlMessages.sqlNotInstantiable(type.getName()));
        }
        List<BeanProperty> properties = new ArrayList<>();
        for (Map.Entry<String, Integer> col : byName(columns).entrySet()) {
            BeanProperty p = BeanProperty.find(type, col.getKey(), col.getValue());
            if (p != null) {
                properties.add(p);
            }
        }
        if (properties.isEmpty()) {
            throw new QueryException(SqlMessages.sqlNoMatchingProperty(type.getName(),
                    columns.stream().map(Column::name).toList()));
        }
        int n = properties.size();
        int[] index = new int[n];
        String[] names = new String[n];
        Class<?>[] types = new Class<?>[n];
        for (int i = 0; i < n; i++) {
            index[i] = properties.get(i).column;
            names[i] = properties.get(i).name;
            types[i] = properties.get(i).type;
        }
        return new MappingPlan<>(type, columns, index, names, types, ctor, null, properties.toArray(new BeanProperty[0]));
    }

    private static Map<String, Integer> byName(List<Column> columns) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = columns.size() - 1; i >= 0; i--) {
            m.put(RowMapper.normalize(columns.get(i).name()), i);
        }
        return m;
    }

    /** @return the result columns the plan was made for */
    List<Column> columns() {
        return columns;
    }

    /** @return the number of members */
    int size() {
        return column.length;
    }

    /** @return whether a row may map to null: a single value of a type not primitive (never a record or a bean) */
    boolean mayBeNull() {
        return constructor == null && record == null && !types[0].isPrimitive();
    }

    /**
     * @return how the values of a {@link Table}'s row map. The first time, the mapper shared by
     *         every plan; from the second on, for a record whose constructor is bound (a kept
     *         plan's), a mapper of this plan's own ({@link RecordRows}), made with the classes of
     *         the values seen the first time, so that a query mapped once defines no class. Two
     *         threads may both make one, and either serves
     */
    RowMapper<T> rows() {
        RowMapper<T> r = rows;
        if (r != null) {
            return r;
        }
        if (!used) {
            used = true;
            return sharedRows();
        }
        r = record == null ? null : RecordRows.of(this, record);
        rows = r == null ? sharedRows() : r;
        return rows;
    }

    /** @return the mapper every plan shares, made once per plan; asking for it does not count as a use ({@link #rows()}) */
    RowMapper<T> sharedRows() {
        RowMapper<T> r = shared;
        if (r == null) {
            Cells<Object[], RuntimeException> cells = (values, m) -> value(values[column[m]], m);
            r = values -> build(values, cells);
            shared = r;
        }
        return r;
    }

    /** @return the mapper {@link #rows()} gives from the second use on, or null before (for the tests) */
    RowMapper<T> madeRows() {
        return rows;
    }

    /** @return the position, from 0, of the column that fills the member */
    int column(int member) {
        return column[member];
    }

    /** @return the member's type, primitives boxed */
    Class<?> boxed(int member) {
        return boxed[member];
    }

    /** @return the class of the member's values that pass as they are, as seen so far, or null */
    Class<?> passing(int member) {
        return passes[member];
    }

    /** @return the result column that fills the member */
    Column columnOf(int member) {
        return columns.get(column[member]);
    }

    /**
     * @param v      a value of the member's column, as {@code getObject} read it
     * @param member the member
     * @return the value converted to the member's type
     * @throws QueryException when it is null for a primitive, or does not convert
     */
    Object value(Object v, int member) {
        // small, for the JIT to inline it into every row's loop (issue 16): a value of the class last
        // seen, which needs no conversion, returns here, and a Timestamp for a LocalDateTime, the
        // commonest conversion, is made here; convert() decides the rest
        if (v != null) {
            Class<?> c = v.getClass();
            if (c == passes[member]) {
                return v;
            }
            if (c == java.sql.Timestamp.class && types[member] == java.time.LocalDateTime.class) {
                return ((java.sql.Timestamp) v).toLocalDateTime();
            }
        }
        return convert(v, member);
    }

    private Object convert(Object v, int member) {
        if (v == null) {
            if (types[member].isPrimitive()) {
                throw new QueryException(SqlMessages.sqlNullIntoPrimitive(columns.get(column[member]).name(),
                        names[member], types[member].getName()));
            }
            return null;
        }
        Seen s = seen[member];
        if (s == null || s.from != v.getClass()) {
            s = new Seen(v.getClass(), boxed[member]);
            if (outlives(s.from.getClassLoader())) { // a kept plan must not pin a driver's loader (a WAR's pgjdbc)
                seen[member] = s;
                passes[member] = s.how == Seen.SAME ? s.from : null;
            }
        }
        return switch (s.how) {
            case Seen.SAME -> v;
            case Seen.DATE_TO_LOCAL_DATE -> ((java.sql.Date) v).toLocalDate();
            case Seen.TIME_TO_LOCAL_TIME -> ((java.sql.Time) v).toLocalTime();
            default -> Values.convert(v, types[member]).orElseThrow(() -> new QueryException(SqlMessages.sqlCannotConvert(
                    columns.get(column[member]).name(), Values.typeOf(v), types[member].getName() + " " + names[member])));
        };
    }

    /** @return whether the loader lives at least as long as the target type's: the JDK's, or the type's own or above */
    private boolean outlives(ClassLoader loader) {
        if (loader == null || loader == ClassLoader.getPlatformClassLoader()) {
            return true;
        }
        for (ClassLoader l = owner; l != null; l = l.getParent()) {
            if (l == loader) {
                return true;
            }
        }
        return false;
    }

    /**
     * How the values of one class convert to a member's type: as they are, by one of the
     * conversions {@link Values#convert} makes most (the same calls, for the exact classes), or
     * through {@link Values#convert}. A {@code Timestamp} for a {@code LocalDateTime} never gets
     * here: {@link #value} converts it.
     */
    private static final class Seen {
        static final int SAME = 0;
        static final int DATE_TO_LOCAL_DATE = 1;
        static final int TIME_TO_LOCAL_TIME = 2;
        static final int CONVERT = 3;

        final Class<?> from;
        final int how;

        Seen(Class<?> from, Class<?> boxedTarget) {
            this.from = from;
            if (boxedTarget.isAssignableFrom(from)) {
                how = SAME;
            } else if (from == java.sql.Date.class && boxedTarget == java.time.LocalDate.class) {
                how = DATE_TO_LOCAL_DATE;
            } else if (from == java.sql.Time.class && boxedTarget == java.time.LocalTime.class) {
                how = TIME_TO_LOCAL_TIME;
            } else {
                how = CONVERT;
            }
        }
    }

    /**
     * Makes the object of one row: a record from all its values, a bean set property by property
     * (each value read just before it is set), or the single value.
     *
     * @param row   the row
     * @param cells reads the value of each member from the row
     * @param <S>   the row
     * @param <X>   what reading may throw
     * @return the object
     * @throws X when reading fails
     */
    @SuppressWarnings("unchecked")
    <S, X extends Exception> T build(S row, Cells<S, X> cells) throws X {
        if (record != null) { // small, so that the JIT inlines it into the loop over the rows
            return (T) record.make(row, cells);
        }
        return constructor == null ? (T) cells.get(row, 0) : bean(row, cells);
    }

    private <S, X extends Exception> T bean(S row, Cells<S, X> cells) throws X {
        T bean = instantiate(constructor);
        for (int i = 0; i < properties.length; i++) {
            properties[i].set(bean, cells.get(row, i));
        }
        return bean;
    }

    private static <T> T instantiate(Constructor<T> ctor) {
        try {
            return ctor.newInstance();
        } catch (InvocationTargetException e) {
            throw new QueryException(SqlMessages.sqlConstructorFailed(ctor.getDeclaringClass().getName(),
                    String.valueOf(e.getCause())));
        } catch (ReflectiveOperationException e) {
            throw new QueryException(SqlMessages.sqlNotInstantiable(ctor.getDeclaringClass().getName()));
        }
    }
}
