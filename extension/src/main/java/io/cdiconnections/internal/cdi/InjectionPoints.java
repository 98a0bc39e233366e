package io.cdiconnections.internal.cdi;

import java.lang.reflect.Constructor;
import java.lang.reflect.Member;

import jakarta.enterprise.inject.spi.AnnotatedParameter;
import jakarta.enterprise.inject.spi.InjectionPoint;

/** Names injection points the way their authors know them, for messages. */
final class InjectionPoints {

    private InjectionPoints() {
    }

    /**
     * @param ip an injection point
     * @return {@code OrderService.sql} for a field, {@code OrderService(constructor) parameter 2 (sql)}
     *         or {@code OrderService.setSql() parameter 1 (sql)} for a parameter
     */
    static String describe(InjectionPoint ip) {
        Member member = ip.getMember();
        if (member == null) {
            return String.valueOf(ip);
        }
        String owner = member.getDeclaringClass().getSimpleName();
        if (ip.getAnnotated() instanceof AnnotatedParameter<?> p) {
            return DeploymentCheck.parameter(owner, member instanceof Constructor<?> ? null : member.getName(),
                    p.getPosition(), p.getJavaParameter().isNamePresent() ? p.getJavaParameter().getName() : null);
        }
        return DeploymentCheck.field(owner, member.getName());
    }
}
