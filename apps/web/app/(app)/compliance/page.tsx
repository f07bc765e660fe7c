import { ComingSoon } from '@/components/shell/coming-soon';

export const metadata = { title: 'Compliance · Assay' };

export default function CompliancePage() {
  return (
    <ComingSoon
      name="Compliance"
      summary="Assess policy documents against SOC 2, GDPR, HIPAA and OSCAL catalogs, with quoted evidence per control."
    />
  );
}
