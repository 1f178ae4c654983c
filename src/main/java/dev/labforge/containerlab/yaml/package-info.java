/**
 * The YAML under the containerlab and CML formats: {@link dev.labforge.containerlab.yaml.YamlReader} parses a
 * document into {@link dev.labforge.containerlab.yaml.YamlValue}s (anchors, merge keys and size limits resolved
 * here, so no format sees them), {@link dev.labforge.containerlab.yaml.Located} pairs a value with its JSON
 * pointer for warnings and errors, and {@link dev.labforge.containerlab.yaml.YamlWriter} writes documents with
 * quoting that reads back the same. It knows no format; of the parent package it uses only the format error and
 * pointers.
 */
package dev.labforge.containerlab.yaml;
