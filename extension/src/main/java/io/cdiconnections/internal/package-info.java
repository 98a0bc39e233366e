/**
 * Internals shared by the packages of cdi-connections. Not an API: applications never import it,
 * and it changes without notice.
 */
package io.cdiconnections.internal;
