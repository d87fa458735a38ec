/**
 * What every feature shares: the domain exceptions that carry message keys, paging and the few settings read
 * from system properties and environment variables.
 */
package de.zusammenwachsen.workspace.core;
