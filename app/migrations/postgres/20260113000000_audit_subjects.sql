-- The audit log names what each act was on, so that it can show the
-- object's name and link to it; and its codes are all Italian, one per kind
-- of act (`kernel::audit::AuditAction`).
ALTER TABLE audit_log ADD COLUMN subject_kind TEXT NOT NULL DEFAULT 'nessuno';
UPDATE audit_log SET action = 'offerta_pubblicata' WHERE action = 'offer_published';
UPDATE audit_log SET action = 'offerta_approvata' WHERE action = 'offer_approved';
UPDATE audit_log SET action = 'offerta_respinta' WHERE action = 'offer_rejected';
UPDATE audit_log SET action = 'attivita_pubblicata' WHERE action = 'attivita_pubblicato';
UPDATE audit_log SET action = 'attivita_chiusa' WHERE action = 'attivita_chiuso';
UPDATE audit_log SET action = 'attivita_annullata' WHERE action = 'attivita_annullato';
UPDATE audit_log SET subject_kind = CASE
    WHEN action LIKE 'offerta_%' THEN 'offerta'
    WHEN action LIKE 'verifica_%' THEN 'account'
    WHEN action IN ('adesione_approvata', 'adesione_respinta', 'invito_accettato') THEN 'adesione'
    WHEN action LIKE 'attivita_%' THEN 'attivita'
    WHEN action IN ('orari_sportello', 'sportello_chiuso', 'sportello_riaperto') THEN 'sportello'
    WHEN action IN ('appuntamento_prenotato', 'dati_persona_cancellati') THEN 'appuntamento'
    ELSE 'nessuno' END;
CREATE INDEX audit_log_at ON audit_log (at);
