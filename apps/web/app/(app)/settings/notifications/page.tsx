import { Alert } from '@/components/ui/alert';
import { Card, PageHeader } from '@/components/ui/card';
import { attempt, load } from '@/lib/api';
import { guard } from '@/lib/guard';
import { PreferencesForm } from './preferences-form';

export const metadata = { title: 'Notifications · Assay' };

interface Preferences {
  job_finished: boolean;
  job_failed: boolean;
  invitation: boolean;
  quota_nearly_reached: boolean;
}

export default async function NotificationsPage() {
  const { me } = await guard('viewer');
  const org = me.memberships.find((m) => m.org_id === me.current.org_id);
  const preferences = await attempt(load<Preferences>('/v1/notifications/preferences'));
  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        title="Email notifications"
        description={`Which emails you get from ${org?.org_name ?? 'this organization'}, sent to ${me.user.email}.`}
      />
      <Card title="Send me an email when">
        {preferences.error ? (
          <Alert>{preferences.error}</Alert>
        ) : (
          <PreferencesForm preferences={preferences.data!} />
        )}
      </Card>
    </div>
  );
}
