package io.cdiconnections.sql;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;

/**
 * What {@link MappingPlan} needs to know of a record class, found by reflection once per class
 * rather than at every {@link Table#as(Class)} call: its components' names (as declared and as
 * {@link RowMapper#normalize} matches them), their types, and its canonical constructor, made
 * accessible and bound ({@link RecordConstructor}). Reading the components and looking the constructor up cost about 3 µs a call,
 * as much as mapping 10 rows (docs/performance.md, issue 16).
 */
final class RecordShape {

    private static final ClassValue<RecordShape> SHAPES = new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
            return new RecordShape(type, true);
        }
    };

    /** The components' names, as declared. */
    final String[] names;
    /** The components' names, normalized. */
    final String[] normalized;
    /** The components' declared types. */
    final Class<?>[] types;
    /** The components' types, primitives boxed: what a value must be an instance of to pass as it is. */
    final Class<?>[] boxed;
    /** Calls the canonical constructor; null when it cannot be had. */
    private final RecordConstructor constructor;

    private RecordShape(Class<?> type, boolean bind) {
        RecordComponent[] components = type.getRecordComponents();
        int n = components.length;
        names = new String[n];
        normalized = new String[n];
        types = new Class<?>[n];
        boxed = new Class<?>[n];
        for (int i = 0; i < n; i++) {
            names[i] = components[i].getName();
            normalized[i] = RowMapper.normalize(names[i]);
            types[i] = components[i].getType();
            boxed[i] = Values.boxed(types[i]);
        }
        Constructor<?> ctor;
        try {
            ctor = type.getDeclaredConstructor(types);
            ctor.setAccessible(true);
        } catch (NoSuchMethodException | RuntimeException e) {
            ctor = null;
        }
        constructor = ctor == null ? null : RecordConstructor.of(ctor, bind);
    }

    /**
     * @param type a record class
     * @return its shape, made on the first call for the class and kept on it when
     *         {@link MappingPlans#keptFor} allows (a shape refers to this library's classes: kept
     *         on a class of a loader above the library, it would keep an undeployed application's
     *         loader alive); else made anew, its constructor called by reflection
     */
    static RecordShape of(Class<?> type) {
        return MappingPlans.keptFor(type) ? SHAPES.get(type) : new RecordShape(type, false);
    }

    /**
     * @param type the record class this shape is of
     * @return what calls its canonical constructor
     * @throws QueryException when the constructor cannot be had or made accessible
     */
    RecordConstructor constructor(Class<?> type) {
        if (constructor == null) {
            throw new QueryException(SqlMessages.sqlNotInstantiable(type.getName()));
        }
        return constructor;
    }
}
