package dev.labforge.image;

import dev.labforge.access.AuditLog;
import dev.labforge.access.Caller;
import dev.labforge.api.Conflict;
import dev.labforge.api.Forbidden;
import dev.labforge.api.InvalidField;
import dev.labforge.api.NotFound;
import dev.labforge.api.ValidationFailed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/images")
@Tag(name = "images", description = "The router image catalog; everyone reads it, admins change it")
class ImageController {

    private final RouterImageRepository repository;
    private final ImageCatalog catalog;
    private final List<ImageUsage> usages;
    private final AuditLog audit;

    ImageController(RouterImageRepository repository, ImageCatalog catalog, List<ImageUsage> usages,
                    AuditLog audit) {
        this.audit = audit;
        this.repository = repository;
        this.catalog = catalog;
        this.usages = usages;
    }

    @GetMapping
    @Operation(operationId = "listImages", summary = "List the catalog",
            description = "Every router image labs may use, by name, with its containerDisk, default CPU and memory, "
                    + "interface naming pattern, NIC model, how it takes its startup config and how its readiness is "
                    + "probed. Everyone may read the catalog.")
    List<ImageDocument.View> list(Caller caller) {
        return repository.findAllByOrderByName().stream().map(ImageDocument.View::from).toList();
    }

    @GetMapping("/{name}")
    @Operation(operationId = "getImage", summary = "One catalog entry",
            description = "One router image of the catalog by its name, as a lab's nodes refer to it.")
    ImageDocument.View get(Caller caller, @PathVariable String name) {
        return repository.findByName(name).map(ImageDocument.View::from)
                .orElseThrow(() -> new NotFound("no image named '" + name + "' in the catalog"));
    }

    @PostMapping
    @Transactional
    @Operation(operationId = "createImage", summary = "Register an image (admins only)",
            description = "Adds a router image to the catalog: its containerDisk reference, defaults, interface "
                    + "naming and readiness probe. The name must be new (409 otherwise). Administrators only.")
    ResponseEntity<ImageDocument.View> create(Caller caller, @Valid @RequestBody ImageDocument.NewImage request) {
        requireAdmin(caller);
        if (!request.crossFieldErrors().isEmpty()) {
            throw new ValidationFailed(request.crossFieldErrors());
        }
        if (repository.findByName(request.name()).isPresent()) {
            throw new Conflict("an image named '" + request.name() + "' is already registered");
        }
        RouterImage image = repository.saveAndFlush(request.toDomain());
        audit.record(caller, "image.create", new AuditLog.Target("image", image.getId().toString(), image.name()));
        catalog.invalidate();
        return ResponseEntity.created(URI.create("/api/v1/images/" + image.name()))
                .body(ImageDocument.View.from(image));
    }

    @PutMapping("/{name}")
    @Transactional
    @Operation(operationId = "replaceImage", summary = "Change an image that no lab uses (admins only)",
            description = "Replaces every setting of a catalog entry; the name stays (422 if the body names another)."
                    + " An image any lab uses cannot be changed (409 says which), since those labs rely on its"
                    + " interface names and defaults: register a changed copy under a new name instead."
                    + " Administrators only.")
    ImageDocument.View replace(Caller caller, @PathVariable String name,
                               @Valid @RequestBody ImageDocument.NewImage request) {
        requireAdmin(caller);
        if (!request.name().equals(name)) {
            throw new ValidationFailed(List.of(InvalidField.at("/name", "must be '" + name + "', the image's name;"
                    + " register a copy to use another")));
        }
        if (!request.crossFieldErrors().isEmpty()) {
            throw new ValidationFailed(request.crossFieldErrors());
        }
        RouterImage image = repository.findByName(name)
                .orElseThrow(() -> new NotFound("no image named '" + name + "' in the catalog"));
        usedBy(name).ifPresent(users -> {
            throw new Conflict("image '" + name + "' is used by " + users + "; register a changed copy under a new"
                    + " name instead");
        });
        image.changeTo(request.toDomain());
        repository.saveAndFlush(image);
        audit.record(caller, "image.update", new AuditLog.Target("image", image.getId().toString(), name));
        catalog.invalidate();
        return ImageDocument.View.from(image);
    }

    @DeleteMapping("/{name}")
    @Transactional
    @Operation(operationId = "deleteImage", summary = "Remove an image that no lab uses (admins only)",
            description = "Removes a router image from the catalog. An image any lab still uses cannot be removed "
                    + "(409 says which); change or delete those labs first. Administrators only.")
    ResponseEntity<Void> delete(Caller caller, @PathVariable String name) {
        requireAdmin(caller);
        RouterImage image = repository.findByName(name)
                .orElseThrow(() -> new NotFound("no image named '" + name + "' in the catalog"));
        Optional<String> users = usedBy(name);
        if (users.isPresent()) {
            throw new Conflict("image '" + name + "' is still used by " + users.get());
        }
        repository.delete(image);
        audit.record(caller, "image.delete", new AuditLog.Target("image", image.getId().toString(), name));
        catalog.invalidate();
        return ResponseEntity.noContent().build();
    }

    private Optional<String> usedBy(String name) {
        return usages.stream().map(usage -> usage.usersOf(name)).filter(s -> !s.isEmpty()).findFirst();
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.admin()) {
            throw new Forbidden("only administrators change the image catalog");
        }
    }
}
