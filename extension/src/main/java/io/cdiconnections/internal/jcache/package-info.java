/**
 * The shared result cache over JCache (JSR-107): Hazelcast, Infinispan, Ehcache or any provider
 * on the class path. Loaded only when {@code javax.cache} is there and a connection says
 * {@code cache = "jcache"}; the rest of the library never imports it (docs/clustering.md).
 */
package io.cdiconnections.internal.jcache;
