/**
 * Labs: the stored definition (owner, name, topology) and its REST API, including containerlab
 * import and export and the topology picture.
 *
 * <p>Desired state lives here; whatever runs labs on a cluster learns about them through this
 * module's public face and never the other way round.
 */
package dev.labforge.lab;
