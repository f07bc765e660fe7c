import { ComingSoon } from '@/components/shell/coming-soon';

export const metadata = { title: 'Visibility · Assay' };

export default function VisibilityPage() {
  return (
    <ComingSoon
      name="Visibility"
      summary="Measure how often and how well assistants mention your brand against competitors."
    />
  );
}
