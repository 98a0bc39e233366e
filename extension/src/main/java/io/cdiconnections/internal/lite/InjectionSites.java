package io.cdiconnections.internal.lite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.build.compatible.spi.InjectionPointInfo;
import jakarta.enterprise.lang.model.AnnotationInfo;
import jakarta.enterprise.lang.model.AnnotationMember;
import jakarta.enterprise.lang.model.declarations.ClassInfo;
import jakarta.enterprise.lang.model.declarations.DeclarationInfo;
import jakarta.enterprise.lang.model.declarations.MethodInfo;
import jakarta.enterprise.lang.model.declarations.ParameterInfo;
import jakarta.enterprise.lang.model.types.Type;

import io.cdiconnections.Connection;
import io.cdiconnections.internal.cdi.DeploymentCheck;

/**
 * The {@code @Connection} injection points found at build time, read from the language model
 * (no application class is loaded): each one's name as messages give it, its qualifier as an
 * annotation instance, and its raw Java type; and the types that dynamic lookups
 * ({@code @Any Instance<SQLConnection>}) ask for.
 */
final class InjectionSites {

    /** One injection point. */
    record Site(String name, Connection connection, ClassInfo declared) {
    }

    private final List<Site> sites = new ArrayList<>();
    /** The raw types lookup beans must have, by class name. */
    private final Map<String, ClassInfo> beanTypes = new LinkedHashMap<>();

    /** @param ip an injection point of a bean; ignored unless qualified {@code @Connection} */
    void add(InjectionPointInfo ip) {
        AnnotationInfo qualifier = null;
        for (AnnotationInfo a : ip.qualifiers()) {
            if (a.name().equals(Connection.class.getName())) {
                qualifier = a;
            }
        }
        if (qualifier == null) {
            return;
        }
        ClassInfo raw = raw(ip.type());
        if (raw == null) {
            return; // a type variable or array: no connection type, the container reports it unsatisfied
        }
        if (DeploymentCheck.isDynamicLookup(raw.name())) {
            // checked when looked up, like the portable extension's lookup beans
            List<Type> args = ip.type().isParameterizedType() ? ip.type().asParameterizedType().typeArguments() : List.of();
            ClassInfo looked = args.isEmpty() ? null : raw(args.get(0));
            if (looked != null) {
                beanTypes.putIfAbsent(looked.name(), looked);
            }
            return;
        }
        beanTypes.putIfAbsent(raw.name(), raw);
        sites.add(new Site(describe(ip.declaration()), connection(qualifier), raw));
    }

    List<Site> sites() {
        return sites;
    }

    /** @return the class names of the raw types injection points and lookups ask for */
    Map<String, ClassInfo> beanTypes() {
        return beanTypes;
    }

    private static ClassInfo raw(Type type) {
        if (type.isClass()) {
            return type.asClass().declaration();
        }
        if (type.isParameterizedType()) {
            return type.asParameterizedType().declaration();
        }
        return null;
    }

    /** @return the injection point as {@code DeploymentCheck} names it: {@code OrderService.sql} */
    static String describe(DeclarationInfo declaration) {
        if (declaration.isField()) {
            return DeploymentCheck.field(declaration.asField().declaringClass().simpleName(),
                    declaration.asField().name());
        }
        if (declaration.isParameter()) {
            ParameterInfo p = declaration.asParameter();
            MethodInfo m = p.declaringMethod();
            return DeploymentCheck.parameter(m.declaringClass().simpleName(), m.isConstructor() ? null : m.name(),
                    position(m, p), p.name());
        }
        return String.valueOf(declaration);
    }

    private static int position(MethodInfo method, ParameterInfo parameter) {
        List<ParameterInfo> parameters = method.parameters();
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i).name().equals(parameter.name())) {
                return i;
            }
        }
        return 0;
    }

    /** @return the qualifier as the annotation instance {@code ConnectionRequest.of} reads */
    static Connection connection(AnnotationInfo a) {
        List<String> options = new ArrayList<>();
        if (a.hasMember("options")) {
            for (AnnotationMember option : a.member("options").asArray()) {
                options.add(option.asString());
            }
        }
        return Connection.Literal.of(a.member("name").asString(), string(a, "type"), string(a, "ttl"),
                a.hasMember("maxEntries") ? a.member("maxEntries").asInt() : Connection.UNBOUNDED,
                options.toArray(String[]::new));
    }

    private static String string(AnnotationInfo a, String member) {
        return a.hasMember(member) ? a.member(member).asString() : "";
    }
}
