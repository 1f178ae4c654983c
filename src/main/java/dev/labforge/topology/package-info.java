/**
 * The lab definition: nodes, links and the named rules a topology must satisfy.
 *
 * <p>Pure Java on purpose: no Spring, no JPA, no JSON library. Every other module (the REST API, the
 * containerlab importer, the renderer of cluster objects) speaks this model, and its rules are tested
 * as plain functions.
 */
package dev.labforge.topology;
