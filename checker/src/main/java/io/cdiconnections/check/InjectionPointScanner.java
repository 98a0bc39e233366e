package io.cdiconnections.check;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.FieldInfo;
import org.jboss.jandex.Index;
import org.jboss.jandex.Indexer;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.MethodParameterInfo;

import io.cdiconnections.Connection;
import io.cdiconnections.internal.cdi.DeploymentCheck;

/**
 * Finds every {@code @Connection} injection point in an application's class files with Jandex,
 * without loading a class: an {@code @Inject} field, a parameter of an {@code @Inject} constructor
 * or initializer, of a producer method, or of an observer or disposer method (other than the event
 * or the disposed object). A {@code @Connection} elsewhere (a producer's own qualifier, a bean
 * class) is not an injection point.
 */
final class InjectionPointScanner {

    private static final DotName CONNECTION = DotName.createSimple(Connection.class.getName());
    private static final DotName INJECT = DotName.createSimple("jakarta.inject.Inject");
    private static final DotName PRODUCES = DotName.createSimple("jakarta.enterprise.inject.Produces");
    private static final List<DotName> EVENT_PARAMETERS = List.of(
            DotName.createSimple("jakarta.enterprise.event.Observes"),
            DotName.createSimple("jakarta.enterprise.event.ObservesAsync"),
            DotName.createSimple("jakarta.enterprise.inject.Disposes"));

    private InjectionPointScanner() {
    }

    /**
     * One injection point as the class file declares it.
     *
     * @param qualified  the injection point with its class's full name, for the report
     * @param site       the injection point as deployment names it ({@code PetResource.sql})
     * @param connection the annotation's members, defaults filled in
     * @param type       the raw name of the declared type ({@code io.cdiconnections.sql.SQLConnection})
     */
    record Found(String qualified, String site, Connection connection, String type) {
    }

    /**
     * @param roots classes folders and jars
     * @return every injection point, sorted by {@link Found#qualified}
     * @throws IOException when a folder or a jar cannot be read
     */
    static List<Found> scan(List<Path> roots) throws IOException {
        Indexer indexer = new Indexer();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                indexFolder(indexer, root);
            } else {
                indexJar(indexer, root);
            }
        }
        Index index = indexer.complete();
        List<Found> found = new ArrayList<>();
        for (AnnotationInstance a : index.getAnnotations(CONNECTION)) {
            AnnotationTarget target = a.target();
            if (target.kind() == AnnotationTarget.Kind.FIELD && target.asField().hasDeclaredAnnotation(INJECT)) {
                found.add(field(target.asField(), values(a)));
            } else if (target.kind() == AnnotationTarget.Kind.METHOD_PARAMETER
                    && isInjected(target.asMethodParameter())) {
                found.add(parameter(target.asMethodParameter(), values(a)));
            }
        }
        found.sort(Comparator.comparing(Found::qualified));
        return found;
    }

    private static boolean isInjected(MethodParameterInfo p) {
        MethodInfo m = p.method();
        if (m.hasDeclaredAnnotation(INJECT) || m.hasDeclaredAnnotation(PRODUCES)) {
            return true;
        }
        boolean eventMethod = m.parameters().stream().anyMatch(InjectionPointScanner::isEventParameter);
        return eventMethod && !isEventParameter(p);
    }

    private static boolean isEventParameter(MethodParameterInfo p) {
        return EVENT_PARAMETERS.stream().anyMatch(p::hasDeclaredAnnotation);
    }

    private static Found field(FieldInfo f, Connection connection) {
        ClassInfo owner = f.declaringClass();
        return new Found(DeploymentCheck.field(owner.name().toString(), f.name()),
                DeploymentCheck.field(owner.simpleName(), f.name()), connection, f.type().name().toString());
    }

    private static Found parameter(MethodParameterInfo p, Connection connection) {
        MethodInfo m = p.method();
        ClassInfo owner = m.declaringClass();
        String method = m.isConstructor() ? null : m.name();
        return new Found(DeploymentCheck.parameter(owner.name().toString(), method, p.position(), p.name()),
                DeploymentCheck.parameter(owner.simpleName(), method, p.position(), p.name()), connection,
                p.type().name().toString());
    }

    /** The annotation's members as the class file has them; a member it leaves out has its declared default. */
    private static Connection values(AnnotationInstance a) {
        AnnotationValue name = a.value("name");
        AnnotationValue type = a.value("type");
        AnnotationValue ttl = a.value("ttl");
        AnnotationValue maxEntries = a.value("maxEntries");
        AnnotationValue options = a.value("options");
        return new Values(name == null ? "" : name.asString(),
                type == null ? (String) defaultOf("type") : type.asString(),
                ttl == null ? (String) defaultOf("ttl") : ttl.asString(),
                maxEntries == null ? (Integer) defaultOf("maxEntries") : maxEntries.asInt(),
                options == null ? (String[]) defaultOf("options") : options.asStringArray());
    }

    private static Object defaultOf(String member) {
        try {
            return Connection.class.getMethod(member).getDefaultValue();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(member, e);
        }
    }

    /** {@code @Connection} as read from a class file: what {@code ConnectionRequest.of} takes. */
    private record Values(String name, String type, String ttl, int maxEntries, String[] options)
            implements Connection {
        @Override
        public String[] options() {
            return options.clone();
        }

        @Override
        public Class<? extends Annotation> annotationType() {
            return Connection.class;
        }
    }

    private static void indexFolder(Indexer indexer, Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> isClass(root.relativize(f).toString())).sorted().toList()) {
                try (InputStream in = Files.newInputStream(p)) {
                    indexer.index(in);
                }
            }
        }
    }

    private static void indexJar(Indexer indexer, Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            for (Enumeration<JarEntry> e = file.entries(); e.hasMoreElements(); ) {
                JarEntry entry = e.nextElement();
                if (isClass(entry.getName())) {
                    try (InputStream in = file.getInputStream(entry)) {
                        indexer.index(in);
                    }
                }
            }
        }
    }

    /** Class files but for module and package descriptors and the other Java versions' copies. */
    private static boolean isClass(String path) {
        return path.endsWith(".class") && !path.startsWith("META-INF/") && !path.endsWith("module-info.class")
                && !path.endsWith("package-info.class");
    }
}
