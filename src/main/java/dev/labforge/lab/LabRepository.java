package dev.labforge.lab;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface LabRepository extends JpaRepository<Lab, UUID> {

    Optional<Lab> findByIdAndOwnerId(UUID id, UUID ownerId);

    Page<LabSummary> findByOwnerIdAndNameContainingIgnoreCase(UUID ownerId, String name, Pageable page);

    Page<LabSummary> findByNameContainingIgnoreCase(String name, Pageable page);

    @Query(value = "select count(*) from labs where topology @> jsonb_build_object('nodes',"
            + " jsonb_build_array(jsonb_build_object('image', cast(:image as text))))", nativeQuery = true)
    long countUsingImage(String image);
}
