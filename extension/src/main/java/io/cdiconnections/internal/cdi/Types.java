package io.cdiconnections.internal.cdi;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.Arrays;

/** The little reflection on generic types the extension needs. */
final class Types {

    private Types() {
    }

    static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof GenericArrayType g) {
            return java.lang.reflect.Array.newInstance(raw(g.getGenericComponentType()), 0).getClass();
        }
        if (type instanceof WildcardType w) {
            return raw(w.getUpperBounds()[0]);
        }
        if (type instanceof TypeVariable<?> v) {
            return raw(v.getBounds()[0]);
        }
        return Object.class;
    }

    static boolean hasTypeVariable(Type type) {
        if (type instanceof TypeVariable<?>) {
            return true;
        }
        if (type instanceof ParameterizedType p) {
            return Arrays.stream(p.getActualTypeArguments()).anyMatch(Types::hasTypeVariable);
        }
        return false;
    }

    /**
     * @param type a declared injection point type
     * @return a legal bean type that an injection point of that type resolves to: wildcards and
     *         type variables replaced by their upper bounds
     */
    static Type legalBeanType(Type type) {
        if (!(type instanceof ParameterizedType p)) {
            return raw(type);
        }
        Type[] args = Arrays.stream(p.getActualTypeArguments())
                .map(a -> a instanceof WildcardType || a instanceof TypeVariable<?> ? raw(a) : legalBeanType(a))
                .toArray(Type[]::new);
        return new Parameterized((Class<?>) p.getRawType(), args, p.getOwnerType());
    }

    /** A parameterized type made at run time. */
    private record Parameterized(Class<?> rawType, Type[] args, Type ownerType) implements ParameterizedType {
        @Override
        public Type[] getActualTypeArguments() {
            return args.clone();
        }

        @Override
        public Type getRawType() {
            return rawType;
        }

        @Override
        public Type getOwnerType() {
            return ownerType;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ParameterizedType other && rawType.equals(other.getRawType())
                    && Arrays.equals(args, other.getActualTypeArguments())
                    && java.util.Objects.equals(ownerType, other.getOwnerType());
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(args) ^ rawType.hashCode() ^ java.util.Objects.hashCode(ownerType);
        }

        @Override
        public String toString() {
            return rawType.getName() + Arrays.toString(args).replace('[', '<').replace(']', '>');
        }
    }
}
