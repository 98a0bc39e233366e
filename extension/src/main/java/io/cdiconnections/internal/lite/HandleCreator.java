package io.cdiconnections.internal.lite;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.build.compatible.spi.Parameters;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticBeanCreator;
import jakarta.enterprise.inject.spi.InjectionPoint;

import io.cdiconnections.internal.cdi.LookupBeans;

/**
 * Creates the instance of a {@code @Dependent} lookup bean: the registry's shared handle of the
 * request the injection point's {@code @Connection} makes, as the portable extension's lookup
 * beans do, so that injection points and {@code Connections} calls with the same arguments share it.
 */
public final class HandleCreator implements SyntheticBeanCreator<Object> {

    /** Made by the container. */
    public HandleCreator() {
    }

    @Override
    public Object create(Instance<Object> lookup, Parameters params) {
        return LookupBeans.lookUp(LiteRegistry.get(), lookup.select(InjectionPoint.class).get());
    }
}
