/**
 * Reads and writes containerlab topology files, so labs move between containerlab and LabForge; the sub-packages
 * do the same for Cisco Modeling Labs topologies ({@code cml}) and GNS3 projects ({@code gns3}), and hold the YAML
 * reading and writing all of them share ({@code yaml}).
 *
 * <p>The public face is small: {@link dev.labforge.containerlab.ContainerlabImporter} turns a topology file into a
 * {@link dev.labforge.topology.Topology} plus warnings for everything it could not carry over, and
 * {@link dev.labforge.containerlab.ContainerlabExporter} writes a topology back;
 * {@link dev.labforge.containerlab.cml.CmlImporter}, {@link dev.labforge.containerlab.cml.CmlExporter},
 * {@link dev.labforge.containerlab.gns3.Gns3Importer} and {@link dev.labforge.containerlab.gns3.Gns3Exporter} do
 * the same for the other formats. Containerlab runs containers while LabForge runs VMs, so most container settings
 * have no equivalent; the importer never drops one silently, it names each in a warning with a JSON pointer into
 * the YAML document. No Spring in here: the REST layer adapts the image catalog through
 * {@link dev.labforge.containerlab.ImageCatalogView}.
 *
 * <p>This package also holds what every format shares: the import result and its warnings, the format error, the
 * catalog matching of images and kinds, node and lab name rules, and the map from model to file pointers. The
 * formats build on it and on {@code yaml}; CML and GNS3 do not know each other (ModularityTest).
 */
package dev.labforge.containerlab;
