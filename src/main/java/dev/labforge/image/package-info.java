/**
 * The router image catalog: which network OS images exist, how they boot, how their ports are
 * named and how readiness is detected. Labs refer to images by catalog name.
 *
 * <p>Public face: {@link dev.labforge.image.ImageCatalog} (read side, cached) and
 * {@link dev.labforge.image.ImageUsage} (implemented by whoever holds references to images).
 */
package dev.labforge.image;
