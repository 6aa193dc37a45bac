-- The allocation form a row was saved from: a second press of a form posted without JavaScript
-- (or the browser sending it again) finds its rows and saves nothing more (issue 16).
ALTER TABLE "Allocation" ADD COLUMN "formKey" TEXT;

CREATE INDEX "Allocation_formKey_idx" ON "Allocation"("formKey");
