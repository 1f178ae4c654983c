package dev.labforge.image;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface RouterImageRepository extends JpaRepository<RouterImage, UUID> {

    Optional<RouterImage> findByName(String name);

    List<RouterImage> findAllByOrderByName();
}
