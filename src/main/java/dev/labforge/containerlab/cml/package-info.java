/**
 * Cisco Modeling Labs 2.x topology files in and out: {@link dev.labforge.containerlab.cml.CmlImporter} maps node
 * definitions to catalog images and links to interfaces, {@link dev.labforge.containerlab.cml.CmlExporter} writes
 * a lab back. Both use the shared warnings, catalog matching and naming of the parent package and its YAML reader
 * and writer.
 */
package dev.labforge.containerlab.cml;
