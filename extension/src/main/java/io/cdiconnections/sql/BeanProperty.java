package io.cdiconnections.sql;

import static io.cdiconnections.sql.RowMapper.normalize;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * A bean's writable property, for {@link MappingPlan}: a one-argument setter, or else a field that
 * is not final or static, whose name matches a column ignoring case and underscores.
 */
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
