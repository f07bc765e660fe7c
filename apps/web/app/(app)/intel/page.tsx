import { ComingSoon } from '@/components/shell/coming-soon';

export const metadata = { title: 'Intel · Assay' };

export default function IntelPage() {
  return (
    <ComingSoon
      name="Intel"
      summary="Extract indicators, actors and ATT&CK techniques from threat reports and track trends."
    />
  );
}
