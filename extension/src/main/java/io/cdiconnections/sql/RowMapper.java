package io.cdiconnections.sql;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;


/**
 * Maps the values of a row to a record, a bean or a single value, the plan made once per
 * {@link Table#as(Class)} call. Names match ignoring case and underscores.
 *
 * @param <T> the target type
 */
@FunctionalInterface
interface RowMapper<T> {

    T map(Object[] values);

    static <T> RowMapper<T> of(Class<T> type, List<Column> columns) {
        if (Values.isScalar(type)) {
            return scalar(type, columns);
        }
        return type.isRecord() ? record(type, columns) : bean(type, columns);
    }

    private static <T> RowMapper<T> scalar(Class<T> type, List<Column> columns) {
        if (columns.size() != 1) {
            throw new QueryException(SqlMessages.sqlScalarNeedsOneColumn(type.getName(), columns.size()));
        }
        return values -> convert(values[0], type, columns.get(0).name(), type.getSimpleName());
    }

    private static <T> RowMapper<T> record(Class<T> type, List<Column> columns) {
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
        Constructor<T> ctor = shape.constructor(type);
        return values -> {
            Object[] args = new Object[n];
            for (int i = 0; i < n; i++) {
                Object v = values[index[i]];
                // a value of the component's (boxed) type passes as it is: Values.convert's first test, made here
                // without its Optional, its primitive-to-box lookup and its call (issue 16, per cell)
                args[i] = v != null && shape.boxed[i].isInstance(v) ? v
                        : convert(v, shape.types[i], columns.get(index[i]).name(), shape.names[i]);
            }
            return instantiate(ctor, args);
        };
    }

    private static <T> RowMapper<T> bean(Class<T> type, List<Column> columns) {
        Constructor<T> ctor;
        try {
            ctor = type.getDeclaredConstructor();
            ctor.setAccessible(true);
        } catch (NoSuchMethodException | RuntimeException e) {
            throw new QueryException(SqlMessages.sqlNotInstantiable(type.getName()));
        }
        List<BeanProperty> properties = new ArrayList<>();
        Map<String, Integer> byName = byName(columns);
        for (Map.Entry<String, Integer> col : byName.entrySet()) {
            BeanProperty p = BeanProperty.find(type, col.getKey(), col.getValue());
            if (p != null) {
                properties.add(p);
            }
        }
        if (properties.isEmpty()) {
            throw new QueryException(SqlMessages.sqlNoMatchingProperty(type.getName(),
                    columns.stream().map(Column::name).toList()));
        }
        return values -> {
            T bean = instantiate(ctor);
            for (BeanProperty p : properties) {
                p.set(bean, convert(values[p.column], p.type, columns.get(p.column).name(), p.name));
            }
            return bean;
        };
    }

    private static Map<String, Integer> byName(List<Column> columns) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = columns.size() - 1; i >= 0; i--) {
            m.put(normalize(columns.get(i).name()), i);
        }
        return m;
    }

    static String normalize(String name) {
        return name.replace("_", "").toLowerCase(Locale.ROOT);
    }

    @SuppressWarnings("unchecked")
    private static <V> V convert(Object value, Class<V> type, String column, String member) {
        if (value == null) {
            if (type.isPrimitive()) {
                throw new QueryException(SqlMessages.sqlNullIntoPrimitive(column, member, type.getName()));
            }
            return null;
        }
        return (V) Values.convert(value, type).orElseThrow(() -> new QueryException(
                SqlMessages.sqlCannotConvert(column, Values.typeOf(value), type.getName() + " " + member)));
    }

    private static <T> T instantiate(Constructor<T> ctor, Object... args) {
        try {
            return ctor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw new QueryException(SqlMessages.sqlConstructorFailed(ctor.getDeclaringClass().getName(),
                    String.valueOf(e.getCause())));
        } catch (ReflectiveOperationException e) {
            throw new QueryException(SqlMessages.sqlNotInstantiable(ctor.getDeclaringClass().getName()));
        }
    }

    /** A bean's writable property: a one-argument setter, or else a field that is not final or static. */
    final class BeanProperty {
        final String name;
        final Class<?> type;
        final int column;
        private final Method setter;
        private final Field field;

        private BeanProperty(String name, Class<?> type, int column, Method setter, Field field) {
            this.name = name;
            this.type = type;
            this.column = column;
            this.setter = setter;
            this.field = field;
        }

        static BeanProperty find(Class<?> type, String normalizedColumn, int column) {
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Method m : c.getDeclaredMethods()) {
                    if (m.getName().startsWith("set") && m.getParameterCount() == 1
                            && !Modifier.isStatic(m.getModifiers())
                            && normalize(m.getName().substring(3)).equals(normalizedColumn)) {
                        m.setAccessible(true);
                        return new BeanProperty(m.getName(), m.getParameterTypes()[0], column, m, null);
                    }
                }
            }
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    int mod = f.getModifiers();
                    if (!Modifier.isStatic(mod) && !Modifier.isFinal(mod) && normalize(f.getName()).equals(normalizedColumn)) {
                        f.setAccessible(true);
                        return new BeanProperty(f.getName(), f.getType(), column, null, f);
                    }
                }
            }
            return null;
        }

        void set(Object bean, Object value) {
            try {
                if (setter != null) {
                    setter.invoke(bean, value);
                } else {
                    field.set(bean, value);
                }
            } catch (InvocationTargetException e) {
                throw new QueryException(SqlMessages.sqlConstructorFailed(bean.getClass().getName(),
                        String.valueOf(e.getCause())));
            } catch (IllegalAccessException e) {
                throw new QueryException(SqlMessages.sqlNotInstantiable(bean.getClass().getName()));
            }
        }
    }
}
