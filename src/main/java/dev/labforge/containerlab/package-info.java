/**
 * Reads and writes containerlab topology files, so labs move between containerlab and LabForge; likewise Cisco
 * Modeling Labs topologies ({@link dev.labforge.containerlab.CmlImporter},
 * {@link dev.labforge.containerlab.CmlExporter}), and GNS3 projects in and out
 * ({@link dev.labforge.containerlab.Gns3Importer}, {@link dev.labforge.containerlab.Gns3Exporter}).
 *
 * <p>The public face is small: {@link dev.labforge.containerlab.ContainerlabImporter} turns a topology file into a
 * {@link dev.labforge.topology.Topology} plus warnings for everything it could not carry over, and
 * {@link dev.labforge.containerlab.ContainerlabExporter} writes a topology back. Containerlab runs containers while
 * LabForge runs VMs, so most container settings have no equivalent; the importer never drops one silently, it
 * names each in a warning with a JSON pointer into the YAML document. No Spring in here: the REST layer adapts the
 * image catalog through {@link dev.labforge.containerlab.ImageCatalogView}.
 */
package dev.labforge.containerlab;
