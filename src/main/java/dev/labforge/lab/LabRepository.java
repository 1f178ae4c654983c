package dev.labforge.lab;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

interface LabRepository extends JpaRepository<Lab, UUID> {

    /** Reads outside a transaction when none is open: one round trip for the hottest read. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    Optional<Lab> findByIdAndOwnerId(UUID id, UUID ownerId);

    @Override
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    Optional<Lab> findById(UUID id);

    Page<LabSummary> findByOwnerIdAndNameContainingIgnoreCase(UUID ownerId, String name, Pageable page);

    Page<LabSummary> findByNameContainingIgnoreCase(String name, Pageable page);

    @Query(value = "select count(*) from labs where topology @> jsonb_build_object('nodes',"
            + " jsonb_build_array(jsonb_build_object('image', cast(:image as text))))", nativeQuery = true)
    long countUsingImage(String image);
}
