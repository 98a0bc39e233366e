package io.cdiconnections.sql;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows given to {@link SQLConnection#insert}, read before the database is touched: the names
 * of the first row (a map's keys, a record's components, a bean's getters, a {@link Table}'s or
 * {@link Row}'s columns) and every row's values in that order. The write-side counterpart of
 * {@link RowMapper}.
 *
 * @param names    the names of the first row, in order
 * @param values   each row's values, in the order of {@code names}
 * @param optional for each name, whether it may match no column (a bean's getter) and be left out
 */
record InsertRows(List<String> names, List<Object[]> values, boolean[] optional) {

    /**
     * @param connection the connection name, for messages
     * @param table      the table, for messages
     * @param rows       maps, records, beans, {@link Row}s or a {@link Table}
     * @return the names and values; no names and no values when there are no rows
     * @throws IllegalArgumentException naming the row when one is null, a single value, of another
     *                                  class than the first, or a map with other keys
     */
    static InsertRows read(String connection, String table, Iterable<?> rows) {
        if (rows instanceof Table t) {
            List<Object[]> values = Collections.unmodifiableList(Arrays.asList(t.data())); // the table's own arrays
            return new InsertRows(t.columnNames(), values, new boolean[t.columns().size()]);
        }
        Iterator<?> it = rows.iterator();
        if (!it.hasNext()) {
            return new InsertRows(List.of(), List.of(), new boolean[0]);
        }
        Object first = it.next();
        Shape shape = Shape.of(connection, table, first);
        List<Object[]> values = new ArrayList<>(rows instanceof java.util.Collection<?> c ? c.size() : 16);
        values.add(shape.values(first, 0));
        for (int i = 1; it.hasNext(); i++) {
            values.add(shape.values(it.next(), i));
        }
        return new InsertRows(shape.names, values, shape.optional);
    }

    /** @return whether there is nothing to insert */
    boolean isEmpty() {
        return values.isEmpty();
    }

    /** How the values of each row are read, decided by the first row. */
    private static final class Shape {
        private final String connection;
        private final String table;
        private final Class<?> type;
        private final List<String> names;
        private final boolean[] optional;
        private final Method[] readers;
        private final Set<String> keys;

        private Shape(String connection, String table, Class<?> type, List<String> names, boolean[] optional,
                Method[] readers, Set<String> keys) {
            this.connection = connection;
            this.table = table;
            this.type = type;
            this.names = names;
            this.optional = optional;
            this.readers = readers;
            this.keys = keys;
        }

        static Shape of(String connection, String table, Object first) {
            if (first == null) {
                throw new IllegalArgumentException(SqlMessages.sqlInsertNullRow(connection, table, 0));
            }
            Class<?> type = first.getClass();
            if (first instanceof Map<?, ?> m) {
                List<String> names = new ArrayList<>();
                for (Object k : m.keySet()) {
                    if (!(k instanceof String s)) {
                        throw new IllegalArgumentException(SqlMessages.sqlInsertKeyNotString(connection, table, 0,
                                String.valueOf(k)));
                    }
                    names.add(s);
                }
                return new Shape(connection, table, Map.class, List.copyOf(names), new boolean[names.size()], null,
                        Set.copyOf(names));
            }
            if (first instanceof Row r) {
                List<String> names = r.columns().stream().map(Column::name).toList();
                return new Shape(connection, table, Row.class, names, new boolean[names.size()], null, null);
            }
            if (Values.isScalar(type) || type.isArray() || first instanceof Iterable<?>) {
                throw new IllegalArgumentException(SqlMessages.sqlInsertNotARow(connection, table, 0, type.getName()));
            }
            return type.isRecord() ? record(connection, table, type) : bean(connection, table, type);
        }

        private static Shape record(String connection, String table, Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            List<String> names = new ArrayList<>();
            Method[] readers = new Method[components.length];
            for (int i = 0; i < components.length; i++) {
                names.add(components[i].getName());
                readers[i] = components[i].getAccessor();
                readers[i].setAccessible(true);
            }
            return new Shape(connection, table, type, List.copyOf(names), new boolean[names.size()], readers, null);
        }

        private static Shape bean(String connection, String table, Class<?> type) {
            Map<String, Method> getters = new LinkedHashMap<>();
            for (Method m : type.getMethods()) {
                String n = m.getName();
                int prefix = n.startsWith("get") && n.length() > 3 ? 3
                        : n.startsWith("is") && n.length() > 2 && (m.getReturnType() == boolean.class
                                || m.getReturnType() == Boolean.class) ? 2 : 0;
                if (prefix > 0 && m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers())
                        && m.getDeclaringClass() != Object.class && m.getReturnType() != void.class) {
                    String prop = Character.toLowerCase(n.charAt(prefix)) + n.substring(prefix + 1);
                    getters.putIfAbsent(prop, m);
                }
            }
            if (getters.isEmpty()) {
                throw new IllegalArgumentException(SqlMessages.sqlInsertNotARow(connection, table, 0, type.getName()));
            }
            List<String> names = getters.keySet().stream().sorted().toList(); // getMethods() has no order
            Method[] readers = names.stream().map(getters::get).toArray(Method[]::new);
            for (Method m : readers) {
                m.setAccessible(true);
            }
            boolean[] optional = new boolean[names.size()];
            java.util.Arrays.fill(optional, true);
            return new Shape(connection, table, type, names, optional, readers, null);
        }

        Object[] values(Object row, int index) {
            if (row == null) {
                throw new IllegalArgumentException(SqlMessages.sqlInsertNullRow(connection, table, index));
            }
            if (type == Map.class) {
                Map<?, ?> m = row instanceof Map<?, ?> map ? map : null;
                if (m == null || !m.keySet().equals(keys)) {
                    throw new IllegalArgumentException(SqlMessages.sqlInsertOtherKeys(connection, table, index, names,
                            m == null ? row.getClass().getName() : String.valueOf(m.keySet())));
                }
                Object[] v = new Object[names.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = m.get(names.get(i));
                }
                return v;
            }
            if (type == Row.class) {
                List<String> found = row instanceof Row r ? r.columns().stream().map(Column::name).toList() : null;
                if (found == null || !found.equals(names)) {
                    throw new IllegalArgumentException(SqlMessages.sqlInsertOtherKeys(connection, table, index, names,
                            found == null ? row.getClass().getName() : String.valueOf(found)));
                }
                return ((Row) row).raw();
            }
            if (row.getClass() != type) {
                throw new IllegalArgumentException(SqlMessages.sqlInsertOtherClass(connection, table, index,
                        type.getName(), row.getClass().getName()));
            }
            Object[] v = new Object[readers.length];
            for (int i = 0; i < v.length; i++) {
                try {
                    v[i] = readers[i].invoke(row);
                } catch (InvocationTargetException e) {
                    throw new IllegalArgumentException(SqlMessages.sqlInsertGetterFailed(connection, table, index,
                            type.getName() + "." + readers[i].getName(), String.valueOf(e.getCause())), e.getCause());
                } catch (IllegalAccessException e) {
                    throw new IllegalArgumentException(SqlMessages.sqlInsertGetterFailed(connection, table, index,
                            type.getName() + "." + readers[i].getName(), e.toString()), e);
                }
            }
            return v;
        }
    }
}
