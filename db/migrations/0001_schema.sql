CREATE TABLE `institutions` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`uscc` text NOT NULL,
	`licence_no` text,
	`licence_date` text,
	`address` text NOT NULL,
	`town_id` text NOT NULL,
	`type` text NOT NULL,
	`bed_count` integer DEFAULT 0 NOT NULL,
	`residents_self_care` integer DEFAULT 0 NOT NULL,
	`residents_semi_disabled` integer DEFAULT 0 NOT NULL,
	`residents_disabled` integer DEFAULT 0 NOT NULL,
	`residents_dementia` integer DEFAULT 0 NOT NULL,
	`legal_representative` text,
	`contact_person` text,
	`contact_phone` text,
	`fire_safety_responsible` text,
	`fire_safety_manager` text,
	`building_year` integer,
	`building_storeys` integer,
	`building_structure` text,
	`building_shared` integer DEFAULT false NOT NULL,
	`has_canteen` integer DEFAULT false NOT NULL,
	`has_clinic` integer DEFAULT false NOT NULL,
	`has_lifts` integer DEFAULT false NOT NULL,
	`has_piped_gas` integer DEFAULT false NOT NULL,
	`has_lpg` integer DEFAULT false NOT NULL,
	`has_oxygen` integer DEFAULT false NOT NULL,
	`has_ebike_parking` integer DEFAULT false NOT NULL,
	`arc_fault_detection` integer DEFAULT false NOT NULL,
	`arc_fault_detection_date` text,
	`electrical_fire_monitoring` integer DEFAULT false NOT NULL,
	`electrical_fire_monitoring_date` text,
	`status` text DEFAULT '运营' NOT NULL,
	`notes` text,
	`archived_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`town_id`) REFERENCES `towns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `institutions_uscc_unique` ON `institutions` (`uscc`);--> statement-breakpoint
CREATE INDEX `institutions_town_idx` ON `institutions` (`town_id`);--> statement-breakpoint
CREATE INDEX `institutions_name_idx` ON `institutions` (`name`);--> statement-breakpoint
CREATE INDEX `institutions_status_idx` ON `institutions` (`status`);--> statement-breakpoint
CREATE TABLE `checklist_sections` (
	`id` text PRIMARY KEY NOT NULL,
	`version_id` text NOT NULL,
	`title` text NOT NULL,
	`sort_order` integer NOT NULL,
	`applies_when_json` text DEFAULT '[]' NOT NULL,
	FOREIGN KEY (`version_id`) REFERENCES `checklist_template_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `checklist_sections_version_idx` ON `checklist_sections` (`version_id`,`sort_order`);--> statement-breakpoint
CREATE TABLE `checklist_template_items` (
	`id` text PRIMARY KEY NOT NULL,
	`section_id` text NOT NULL,
	`rule_item_id` text NOT NULL,
	`sort_order` integer NOT NULL,
	`answer_extra` text DEFAULT 'none' NOT NULL,
	`measurement_unit` text,
	`measurement_label` text,
	`photo_required_on_fail` integer NOT NULL,
	`hint` text,
	`required` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`section_id`) REFERENCES `checklist_sections`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`rule_item_id`) REFERENCES `rule_items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `checklist_template_items_section_idx` ON `checklist_template_items` (`section_id`,`sort_order`);--> statement-breakpoint
CREATE TABLE `checklist_template_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`template_id` text NOT NULL,
	`version` integer NOT NULL,
	`status` text NOT NULL,
	`based_on_version_id` text,
	`snapshot_json` text,
	`published_at` text,
	`published_by_id` text,
	`published_by_name` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`template_id`) REFERENCES `checklist_templates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `checklist_template_versions_number_idx` ON `checklist_template_versions` (`template_id`,`version`);--> statement-breakpoint
CREATE TABLE `checklist_templates` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`is_reinspection` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `major_hazard_criteria` (
	`id` text PRIMARY KEY NOT NULL,
	`rule_set_id` text NOT NULL,
	`code` text NOT NULL,
	`clause` text,
	`text_zh` text NOT NULL,
	`gloss_en` text,
	`lead_departments_json` text DEFAULT '[]' NOT NULL,
	`lead_departments_raw` text,
	`mark` text NOT NULL,
	`origin` text NOT NULL,
	`source_note` text,
	`sort_order` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`rule_set_id`) REFERENCES `major_hazard_rule_sets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `major_hazard_criteria_set_code_idx` ON `major_hazard_criteria` (`rule_set_id`,`code`);--> statement-breakpoint
CREATE TABLE `major_hazard_rule_sets` (
	`id` text PRIMARY KEY NOT NULL,
	`version` text NOT NULL,
	`title` text NOT NULL,
	`issuer` text NOT NULL,
	`document_type` text,
	`published_date` text,
	`mark` text NOT NULL,
	`status` text NOT NULL,
	`based_on_id` text,
	`total_criteria` integer,
	`meta_json` text NOT NULL,
	`published_at` text,
	`published_by_id` text,
	`published_by_name` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `major_hazard_rule_sets_version_unique` ON `major_hazard_rule_sets` (`version`);--> statement-breakpoint
CREATE TABLE `rule_items` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`source` text NOT NULL,
	`sort_order` integer NOT NULL,
	`category` text NOT NULL,
	`text_zh` text NOT NULL,
	`gloss_en` text,
	`legal_basis` text NOT NULL,
	`marks_json` text NOT NULL,
	`weakest_mark` text NOT NULL,
	`major_flag` text NOT NULL,
	`major_clause` text,
	`major_clause_source` text,
	`major_raw` text NOT NULL,
	`major_note` text,
	`departments_json` text NOT NULL,
	`all_departments` integer DEFAULT false NOT NULL,
	`departments_raw` text NOT NULL,
	`department_notes_json` text DEFAULT '[]' NOT NULL,
	`other_bodies_json` text DEFAULT '[]' NOT NULL,
	`deadline_class` text NOT NULL,
	`deadline_rule` text,
	`measurement_unit` text,
	`measurement_label` text,
	`photo_required_on_fail` integer NOT NULL,
	`priorities_json` text DEFAULT '[]' NOT NULL,
	`hint_zh` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rule_items_code_unique` ON `rule_items` (`code`);--> statement-breakpoint
CREATE INDEX `rule_items_category_idx` ON `rule_items` (`category`);--> statement-breakpoint
CREATE INDEX `rule_items_sort_idx` ON `rule_items` (`sort_order`);--> statement-breakpoint
CREATE TABLE `inspector_recusals` (
	`id` text PRIMARY KEY NOT NULL,
	`inspector_id` text NOT NULL,
	`scope` text NOT NULL,
	`institution_id` text,
	`town_id` text,
	`reason` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`inspector_id`) REFERENCES `inspectors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`institution_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`town_id`) REFERENCES `towns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "inspector_recusals_target_ck" CHECK(("inspector_recusals"."scope" = 'institution' AND "inspector_recusals"."institution_id" IS NOT NULL AND "inspector_recusals"."town_id" IS NULL) OR ("inspector_recusals"."scope" = 'town' AND "inspector_recusals"."town_id" IS NOT NULL AND "inspector_recusals"."institution_id" IS NULL))
);
--> statement-breakpoint
CREATE INDEX `inspector_recusals_inspector_idx` ON `inspector_recusals` (`inspector_id`);--> statement-breakpoint
CREATE TABLE `inspectors` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`department_key` text NOT NULL,
	`certificate_no` text,
	`phone` text,
	`is_active` integer DEFAULT true NOT NULL,
	`user_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`department_key`) REFERENCES `departments`(`key`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `inspectors_certificate_no_uq` ON `inspectors` (`certificate_no`);--> statement-breakpoint
CREATE UNIQUE INDEX `inspectors_user_uq` ON `inspectors` (`user_id`);--> statement-breakpoint
CREATE INDEX `inspectors_department_idx` ON `inspectors` (`department_key`);--> statement-breakpoint
CREATE TABLE `plan_assignments` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`draw_id` text NOT NULL,
	`institution_id` text NOT NULL,
	`sort_order` integer NOT NULL,
	`inspector_ids_json` text NOT NULL,
	`scheduled_date` text,
	`status` text DEFAULT '未开始' NOT NULL,
	`inspection_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`draw_id`) REFERENCES `plan_draws`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`institution_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_assignments_plan_institution_uq` ON `plan_assignments` (`plan_id`,`institution_id`);--> statement-breakpoint
CREATE INDEX `plan_assignments_date_idx` ON `plan_assignments` (`scheduled_date`);--> statement-breakpoint
CREATE TABLE `plan_draws` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`seq` integer NOT NULL,
	`record_json` text NOT NULL,
	`candidates_json` text NOT NULL,
	`seed` text NOT NULL,
	`algorithm_version` text NOT NULL,
	`candidate_hash` text NOT NULL,
	`reason` text,
	`superseded_by_id` text,
	`drawn_by_id` text NOT NULL,
	`drawn_by_name` text NOT NULL,
	`drawn_at` text NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`drawn_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "plan_draws_reason_ck" CHECK("plan_draws"."seq" = 1 OR ("plan_draws"."reason" IS NOT NULL AND length(trim("plan_draws"."reason")) > 0))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_draws_seq_uq` ON `plan_draws` (`plan_id`,`seq`);--> statement-breakpoint
CREATE TABLE `plans` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`type` text NOT NULL,
	`period_start` text NOT NULL,
	`period_end` text NOT NULL,
	`template_version_ids_json` text DEFAULT '[]' NOT NULL,
	`department_keys_json` text DEFAULT '[]' NOT NULL,
	`scope_json` text NOT NULL,
	`status` text DEFAULT '草稿' NOT NULL,
	`is_flying` integer DEFAULT false NOT NULL,
	`notes` text,
	`cancel_reason` text,
	`created_by_id` text NOT NULL,
	`created_by_name` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "plans_period_ck" CHECK("plans"."period_start" <= "plans"."period_end")
);
--> statement-breakpoint
CREATE INDEX `plans_period_idx` ON `plans` (`period_start`);--> statement-breakpoint
CREATE TABLE `law_articles` (
	`id` text PRIMARY KEY NOT NULL,
	`version_id` text NOT NULL,
	`key` text NOT NULL,
	`number` integer NOT NULL,
	`insert_suffix` integer NOT NULL,
	`label` text NOT NULL,
	`ordinal` integer NOT NULL,
	`chapter` text,
	`section` text,
	`text` text NOT NULL,
	`items_json` text NOT NULL,
	FOREIGN KEY (`version_id`) REFERENCES `law_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `law_articles_version_key_idx` ON `law_articles` (`version_id`,`key`);--> statement-breakpoint
CREATE TABLE `law_documents` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`title` text NOT NULL,
	`aliases_json` text NOT NULL,
	`sort_order` integer NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `law_documents_code_unique` ON `law_documents` (`code`);--> statement-breakpoint
CREATE TABLE `law_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`law_id` text NOT NULL,
	`label` text NOT NULL,
	`version_date` text,
	`source` text NOT NULL,
	`file_name` text NOT NULL,
	`title` text NOT NULL,
	`imported_by` text,
	`imported_by_name` text NOT NULL,
	`imported_at` text NOT NULL,
	`content_hash` text NOT NULL,
	`markdown` text NOT NULL,
	`article_count` integer NOT NULL,
	FOREIGN KEY (`law_id`) REFERENCES `law_documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `law_versions_contentHash_unique` ON `law_versions` (`content_hash`);--> statement-breakpoint
CREATE INDEX `law_versions_law_idx` ON `law_versions` (`law_id`,`version_date`);--> statement-breakpoint
CREATE TABLE `inspection_amendments` (
	`id` text PRIMARY KEY NOT NULL,
	`inspection_id` text NOT NULL,
	`item_key` text,
	`field` text NOT NULL,
	`before_json` text,
	`after_json` text,
	`reason` text NOT NULL,
	`by_id` text NOT NULL,
	`by_name` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`inspection_id`) REFERENCES `inspections`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `inspection_amendments_inspection_idx` ON `inspection_amendments` (`inspection_id`,`at`);--> statement-breakpoint
CREATE TABLE `inspection_answers` (
	`id` text PRIMARY KEY NOT NULL,
	`inspection_id` text NOT NULL,
	`item_key` text NOT NULL,
	`result` text,
	`measurement_value` real,
	`measurement_unit` text,
	`count_value` integer,
	`text_value` text,
	`note` text,
	`location_building` text,
	`location_floor` text,
	`location_room` text,
	`location_text` text,
	`description` text,
	`fixed_on_spot` integer DEFAULT false NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by_id` text NOT NULL,
	FOREIGN KEY (`inspection_id`) REFERENCES `inspections`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `inspection_answers_item_uq` ON `inspection_answers` (`inspection_id`,`item_key`);--> statement-breakpoint
CREATE TABLE `inspection_inspectors` (
	`inspection_id` text NOT NULL,
	`inspector_id` text NOT NULL,
	`sort_order` integer NOT NULL,
	PRIMARY KEY(`inspection_id`, `inspector_id`),
	FOREIGN KEY (`inspection_id`) REFERENCES `inspections`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`inspector_id`) REFERENCES `inspectors`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `inspection_photos` (
	`id` text PRIMARY KEY NOT NULL,
	`inspection_id` text NOT NULL,
	`item_key` text,
	`photo_id` text NOT NULL,
	`role` text NOT NULL,
	`caption` text,
	`sort_order` integer NOT NULL,
	`created_at` text NOT NULL,
	`created_by_id` text NOT NULL,
	FOREIGN KEY (`inspection_id`) REFERENCES `inspections`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`photo_id`) REFERENCES `photos`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `inspection_photos_item_idx` ON `inspection_photos` (`inspection_id`,`item_key`,`sort_order`);--> statement-breakpoint
CREATE TABLE `inspection_signatures` (
	`id` text PRIMARY KEY NOT NULL,
	`inspection_id` text NOT NULL,
	`signer_key` text NOT NULL,
	`role` text NOT NULL,
	`inspector_id` text,
	`signer_name` text NOT NULL,
	`stored_path` text,
	`sha256` text,
	`signed_at` text NOT NULL,
	`refused` integer DEFAULT false NOT NULL,
	`refusal_reason` text,
	`witness_name` text,
	`recorded_by_id` text NOT NULL,
	FOREIGN KEY (`inspection_id`) REFERENCES `inspections`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`inspector_id`) REFERENCES `inspectors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "inspection_signatures_kind_ck" CHECK(("inspection_signatures"."refused" = 0 AND "inspection_signatures"."stored_path" IS NOT NULL AND "inspection_signatures"."sha256" IS NOT NULL) OR ("inspection_signatures"."refused" = 1 AND "inspection_signatures"."role" = 'representative' AND "inspection_signatures"."refusal_reason" IS NOT NULL AND "inspection_signatures"."witness_name" IS NOT NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `inspection_signatures_signer_uq` ON `inspection_signatures` (`inspection_id`,`signer_key`);--> statement-breakpoint
CREATE TABLE `inspections` (
	`id` text PRIMARY KEY NOT NULL,
	`institution_id` text NOT NULL,
	`template_version_id` text NOT NULL,
	`plan_assignment_id` text,
	`status` text DEFAULT 'in_progress' NOT NULL,
	`features_json` text NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	`representative_name` text NOT NULL,
	`representative_title` text,
	`representative_phone` text,
	`hazard_ids_json` text DEFAULT '[]' NOT NULL,
	`created_by_id` text NOT NULL,
	`created_by_name` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`institution_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`template_version_id`) REFERENCES `checklist_template_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `inspections_status_idx` ON `inspections` (`status`,`updated_at`);--> statement-breakpoint
CREATE INDEX `inspections_institution_idx` ON `inspections` (`institution_id`,`started_at`);--> statement-breakpoint
CREATE TABLE `hazard_events` (
	`id` text PRIMARY KEY NOT NULL,
	`hazard_id` text NOT NULL,
	`seq` integer NOT NULL,
	`kind` text NOT NULL,
	`from_state` text,
	`to_state` text NOT NULL,
	`actor_id` text,
	`actor_name` text NOT NULL,
	`at` text NOT NULL,
	`reason` text,
	`text` text,
	`method` text,
	`inspection_id` text,
	`detail_json` text DEFAULT '{}' NOT NULL,
	FOREIGN KEY (`hazard_id`) REFERENCES `hazards`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`inspection_id`) REFERENCES `inspections`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `hazard_events_seq_uq` ON `hazard_events` (`hazard_id`,`seq`);--> statement-breakpoint
CREATE TABLE `hazard_photos` (
	`id` text PRIMARY KEY NOT NULL,
	`hazard_id` text NOT NULL,
	`photo_id` text NOT NULL,
	`role` text NOT NULL,
	`event_id` text,
	`sort_order` integer NOT NULL,
	FOREIGN KEY (`hazard_id`) REFERENCES `hazards`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`photo_id`) REFERENCES `photos`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`event_id`) REFERENCES `hazard_events`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `hazard_photos_hazard_idx` ON `hazard_photos` (`hazard_id`,`role`);--> statement-breakpoint
CREATE TABLE `hazard_referrals` (
	`id` text PRIMARY KEY NOT NULL,
	`hazard_id` text NOT NULL,
	`department_key` text NOT NULL,
	`kind` text NOT NULL,
	`referred_on` text NOT NULL,
	`letter_no` text,
	`accepted` text DEFAULT 'pending' NOT NULL,
	`accepted_on` text,
	`note` text,
	`created_by_id` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`hazard_id`) REFERENCES `hazards`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`department_key`) REFERENCES `departments`(`key`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `hazard_referrals_hazard_idx` ON `hazard_referrals` (`hazard_id`);--> statement-breakpoint
CREATE TABLE `hazards` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`institution_id` text NOT NULL,
	`source_inspection_id` text,
	`item_key` text,
	`rule_item_code` text,
	`item_text` text,
	`legal_basis` text,
	`location` text NOT NULL,
	`description` text NOT NULL,
	`measurement_value` real,
	`measurement_unit` text,
	`severity` text NOT NULL,
	`severity_basis` text NOT NULL,
	`severity_rationale` text NOT NULL,
	`pending_judgment` integer DEFAULT false NOT NULL,
	`major_rule_set_id` text,
	`major_criterion_code` text,
	`departments_json` text NOT NULL,
	`required_action` text NOT NULL,
	`deadline_class` text NOT NULL,
	`deadline_date` text NOT NULL,
	`interim_measures` text,
	`state` text NOT NULL,
	`fixed_on_spot` integer DEFAULT false NOT NULL,
	`recorded_by_id` text NOT NULL,
	`recorded_by_name` text NOT NULL,
	`recorded_at` text NOT NULL,
	`closed_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`institution_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_inspection_id`) REFERENCES `inspections`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `hazards_code_unique` ON `hazards` (`code`);--> statement-breakpoint
CREATE INDEX `hazards_institution_idx` ON `hazards` (`institution_id`,`state`);--> statement-breakpoint
CREATE INDEX `hazards_state_idx` ON `hazards` (`state`,`deadline_date`);--> statement-breakpoint
CREATE INDEX `hazards_inspection_idx` ON `hazards` (`source_inspection_id`);--> statement-breakpoint
CREATE INDEX `hazards_closed_idx` ON `hazards` (`closed_at`,`recorded_at`);--> statement-breakpoint
CREATE TABLE `photos` (
	`id` text PRIMARY KEY NOT NULL,
	`sha256_original` text NOT NULL,
	`sha256_stored` text NOT NULL,
	`stored_path` text NOT NULL,
	`thumb_path` text NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`original_width` integer NOT NULL,
	`original_height` integer NOT NULL,
	`original_mime` text NOT NULL,
	`original_bytes` integer NOT NULL,
	`bytes` integer NOT NULL,
	`mime` text NOT NULL,
	`captured_at` text,
	`orientation_applied` integer DEFAULT 1 NOT NULL,
	`original_name` text,
	`imported_at` text NOT NULL,
	`imported_by` text NOT NULL,
	FOREIGN KEY (`imported_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `photos_sha256Original_unique` ON `photos` (`sha256_original`);--> statement-breakpoint
CREATE TABLE `document_sequences` (
	`kind` text NOT NULL,
	`year` integer NOT NULL,
	`last_seq` integer NOT NULL,
	PRIMARY KEY(`kind`, `year`)
);
--> statement-breakpoint
CREATE TABLE `issued_documents` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`number` text NOT NULL,
	`year` integer NOT NULL,
	`seq` integer NOT NULL,
	`title` text NOT NULL,
	`subject_ids_json` text NOT NULL,
	`content_hash` text NOT NULL,
	`verification_code` text NOT NULL,
	`status` text DEFAULT 'issued' NOT NULL,
	`voided_reason` text,
	`voided_at` text,
	`voided_by` text,
	`created_at` text NOT NULL,
	`created_by` text,
	`created_by_name` text NOT NULL,
	`file_path` text,
	`issue_date` text NOT NULL,
	`institution_id` text,
	`institution_name` text,
	`department_key` text,
	`stored_path` text NOT NULL,
	`pdf_sha256` text,
	`page_count` integer,
	`data_json` text NOT NULL,
	`law_versions_json` text DEFAULT '{}' NOT NULL,
	FOREIGN KEY (`voided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `issued_documents_number_unique` ON `issued_documents` (`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `issued_documents_kind_year_seq_idx` ON `issued_documents` (`kind`,`year`,`seq`);--> statement-breakpoint
CREATE INDEX `issued_documents_code_idx` ON `issued_documents` (`verification_code`);--> statement-breakpoint
CREATE INDEX `issued_documents_kind_idx` ON `issued_documents` (`kind`,`issue_date`);