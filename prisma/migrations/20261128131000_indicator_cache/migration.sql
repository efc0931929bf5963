-- Issue 17, decision 049: computed indicator results are kept per process while CacheVersion('indicators') and
-- CacheVersion('membership') are unchanged. Every table the indicators read bumps 'indicators' on any write, in the
-- same transaction as the write, so every process recomputes on its next read. (Membership tables already bump
-- 'membership'; people's names, shown as who entered an indicator result, bump 'indicators' here.)
INSERT OR IGNORE INTO "CacheVersion" ("name", "version") VALUES ('indicators', 1);

CREATE TRIGGER "CacheVersion_indicators_PlanItem_insert" AFTER INSERT ON "PlanItem"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_PlanItem_update" AFTER UPDATE ON "PlanItem"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_PlanItem_delete" AFTER DELETE ON "PlanItem"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_PlanIndicator_insert" AFTER INSERT ON "PlanIndicator"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_PlanIndicator_update" AFTER UPDATE ON "PlanIndicator"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_PlanIndicator_delete" AFTER DELETE ON "PlanIndicator"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_Course_insert" AFTER INSERT ON "Course"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_Course_update" AFTER UPDATE ON "Course"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_Course_delete" AFTER DELETE ON "Course"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_CourseResult_insert" AFTER INSERT ON "CourseResult"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_CourseResult_update" AFTER UPDATE ON "CourseResult"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_CourseResult_delete" AFTER DELETE ON "CourseResult"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_CourseAssignment_insert" AFTER INSERT ON "CourseAssignment"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_CourseAssignment_update" AFTER UPDATE ON "CourseAssignment"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_CourseAssignment_delete" AFTER DELETE ON "CourseAssignment"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_IndicatorLocalTarget_insert" AFTER INSERT ON "IndicatorLocalTarget"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_IndicatorLocalTarget_update" AFTER UPDATE ON "IndicatorLocalTarget"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_IndicatorLocalTarget_delete" AFTER DELETE ON "IndicatorLocalTarget"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_IndicatorEntry_insert" AFTER INSERT ON "IndicatorEntry"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_IndicatorEntry_update" AFTER UPDATE ON "IndicatorEntry"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_IndicatorEntry_delete" AFTER DELETE ON "IndicatorEntry"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_EvidenceFile_insert" AFTER INSERT ON "EvidenceFile"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_EvidenceFile_update" AFTER UPDATE ON "EvidenceFile"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_EvidenceFile_delete" AFTER DELETE ON "EvidenceFile"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_PolicyDocument_insert" AFTER INSERT ON "PolicyDocument"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_PolicyDocument_update" AFTER UPDATE ON "PolicyDocument"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_PolicyDocument_delete" AFTER DELETE ON "PolicyDocument"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_PolicyAcknowledgement_insert" AFTER INSERT ON "PolicyAcknowledgement"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_PolicyAcknowledgement_update" AFTER UPDATE ON "PolicyAcknowledgement"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_PolicyAcknowledgement_delete" AFTER DELETE ON "PolicyAcknowledgement"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_NoGiftDeclaration_insert" AFTER INSERT ON "NoGiftDeclaration"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_NoGiftDeclaration_update" AFTER UPDATE ON "NoGiftDeclaration"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_NoGiftDeclaration_delete" AFTER DELETE ON "NoGiftDeclaration"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_DelegationOrder_insert" AFTER INSERT ON "DelegationOrder"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_DelegationOrder_update" AFTER UPDATE ON "DelegationOrder"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_DelegationOrder_delete" AFTER DELETE ON "DelegationOrder"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_Complaint_insert" AFTER INSERT ON "Complaint"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_Complaint_update" AFTER UPDATE ON "Complaint"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_Complaint_delete" AFTER DELETE ON "Complaint"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_SalaryRound_insert" AFTER INSERT ON "SalaryRound"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_SalaryRound_update" AFTER UPDATE ON "SalaryRound"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_SalaryRound_delete" AFTER DELETE ON "SalaryRound"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_SurveyResponse_insert" AFTER INSERT ON "SurveyResponse"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_SurveyResponse_update" AFTER UPDATE ON "SurveyResponse"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_SurveyResponse_delete" AFTER DELETE ON "SurveyResponse"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_RiskRegisterYear_insert" AFTER INSERT ON "RiskRegisterYear"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_RiskRegisterYear_update" AFTER UPDATE ON "RiskRegisterYear"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_RiskRegisterYear_delete" AFTER DELETE ON "RiskRegisterYear"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_Risk_insert" AFTER INSERT ON "Risk"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_Risk_update" AFTER UPDATE ON "Risk"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_Risk_delete" AFTER DELETE ON "Risk"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_RiskMeasure_insert" AFTER INSERT ON "RiskMeasure"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_RiskMeasure_update" AFTER UPDATE ON "RiskMeasure"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_RiskMeasure_delete" AFTER DELETE ON "RiskMeasure"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_FiscalYearClosure_insert" AFTER INSERT ON "FiscalYearClosure"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_FiscalYearClosure_update" AFTER UPDATE ON "FiscalYearClosure"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_FiscalYearClosure_delete" AFTER DELETE ON "FiscalYearClosure"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_FrozenIndicatorResult_insert" AFTER INSERT ON "FrozenIndicatorResult"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_FrozenIndicatorResult_update" AFTER UPDATE ON "FrozenIndicatorResult"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_FrozenIndicatorResult_delete" AFTER DELETE ON "FrozenIndicatorResult"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;

CREATE TRIGGER "CacheVersion_indicators_Person_name_update" AFTER UPDATE OF "title", "firstName", "lastName" ON "Person"
BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = 'indicators';
END;
