package io.cdiconnections;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The test class path loaded again without some jars (an optional integration's API), remembering
 * every class it was asked for: to prove the library works without the integration and loads
 * none of its classes for it.
 */
public final class WithoutJars extends URLClassLoader {

    /** The names of the classes asked for. */
    public final Set<String> loaded = ConcurrentHashMap.newKeySet();

    private WithoutJars(URL[] urls) {
        super(urls, ClassLoader.getPlatformClassLoader());
    }

    /**
     * @param fragments parts of the paths of the jars to leave out
     * @return a loader of the test class path without them
     */
    public static WithoutJars excluding(String... fragments) {
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        URL[] urls = Arrays.stream(path.split(File.pathSeparator))
                .filter(p -> Arrays.stream(fragments).noneMatch(p::contains)).map(WithoutJars::url).toArray(URL[]::new);
        if (urls.length <= 5) {
            throw new IllegalStateException("the test class path, read from " + path + ", is too short");
        }
        return new WithoutJars(urls);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        loaded.add(name);
        return super.loadClass(name, resolve);
    }

    private static URL url(String p) {
        try {
            return new File(p).toURI().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(p, e);
        }
    }
}
