/**
 * GNS3 projects in and out: {@link dev.labforge.containerlab.gns3.Gns3Importer} reads a {@code .gns3} file or a
 * portable project archive (its images, port names, switches and hubs as shared segments),
 * {@link dev.labforge.containerlab.gns3.Gns3Exporter} writes a project back. The JSON is read with Jackson, each
 * value with its JSON pointer ({@link dev.labforge.containerlab.gns3.JsonAt}); warnings and catalog matching are
 * the parent package's.
 */
package dev.labforge.containerlab.gns3;
