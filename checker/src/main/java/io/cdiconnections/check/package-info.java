/**
 * The secrets checker, {@link io.cdiconnections.check.SecretsCheck}: a command-line check of
 * secrets.toml files and, on demand, of the connections they configure.
 */
package io.cdiconnections.check;
