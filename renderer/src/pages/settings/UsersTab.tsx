import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicUser, Role } from '../../../../electron/api';
import { call } from '../../api';
import { useDepartments } from '../../hooks';

interface NewUserValues {
  username: string;
  displayName: string;
  departmentKey: string;
  role: Role;
  password: string;
}

/** Administrators manage local accounts: create, change role or department, disable, reset a password. */
export function UsersTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const departments = useDepartments();
  const users = useQuery({ queryKey: ['users'], queryFn: () => call('users:list', {}) });
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<PublicUser | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['users'] });
  const create = useMutation({
    mutationFn: (v: NewUserValues) => call('users:create', v),
    onSuccess: () => {
      setCreating(false);
      refresh();
      void message.success(t('common.saved'));
    },
  });
  const update = useMutation({
    mutationFn: (v: { id: string; role?: Role; isActive?: boolean; newPassword?: string; departmentKey?: string }) =>
      call('users:update', v),
    onSuccess: () => {
      setResetting(null);
      refresh();
      void message.success(t('common.saved'));
    },
    onError: (e) => void message.error(e.message),
  });
  const deptName = new Map((departments.data ?? []).map((d) => [d.key, d.shortZh]));
  const roleOptions = (['admin', 'inspector', 'viewer'] as const).map((r) => ({ value: r, label: t(`auth.roles.${r}`) }));
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" onClick={() => setCreating(true)}>
          {t('settings.newUser')}
        </Button>
      </Space>
      <Table<PublicUser>
        rowKey="id"
        size="small"
        loading={users.isPending}
        dataSource={users.data ?? []}
        pagination={false}
        columns={[
          { title: t('auth.username'), dataIndex: 'username' },
          { title: t('auth.displayName'), dataIndex: 'displayName' },
          { title: t('auth.department'), dataIndex: 'departmentKey', render: (k: string) => deptName.get(k) ?? k },
          {
            title: t('auth.role'),
            dataIndex: 'role',
            render: (role: Role, row) => (
              <Select<Role> size="small" value={role} style={{ width: 110 }} options={roleOptions} onChange={(r) => update.mutate({ id: row.id, role: r })} />
            ),
          },
          {
            title: t('settings.status'),
            dataIndex: 'isActive',
            render: (active: boolean, row) => (
              <Switch size="small" checked={active} onChange={(isActive) => update.mutate({ id: row.id, isActive })} />
            ),
          },
          {
            title: t('common.actions'),
            render: (_v, row) => (
              <Button size="small" onClick={() => setResetting(row)}>
                {t('settings.resetPassword')}
              </Button>
            ),
          },
        ]}
      />
      <Modal open={creating} title={t('settings.newUser')} onCancel={() => setCreating(false)} footer={null} destroyOnHidden>
        {create.error && <Tag color="error" style={{ marginBottom: 12, whiteSpace: 'normal' }}>{create.error.message}</Tag>}
        <Form<NewUserValues> layout="vertical" initialValues={{ role: 'inspector', departmentKey: 'civil-affairs' }} onFinish={(v) => create.mutate(v)}>
          <Form.Item name="username" label={t('auth.username')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="displayName" label={t('auth.displayName')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="departmentKey" label={t('auth.department')} rules={[{ required: true }]}>
            <Select options={(departments.data ?? []).map((d) => ({ value: d.key, label: d.nameZh }))} />
          </Form.Item>
          <Form.Item name="role" label={t('auth.role')} rules={[{ required: true }]}>
            <Select options={roleOptions} />
          </Form.Item>
          <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, min: 8, message: '密码至少 8 位' }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('common.save')}
          </Button>
        </Form>
      </Modal>
      <Modal open={resetting !== null} title={`${t('settings.resetPassword')}：${resetting?.displayName ?? ''}`} onCancel={() => setResetting(null)} footer={null} destroyOnHidden>
        <Form<{ newPassword: string }> layout="vertical" onFinish={(v) => resetting && update.mutate({ id: resetting.id, newPassword: v.newPassword })}>
          <Form.Item name="newPassword" label={t('settings.newPassword')} rules={[{ required: true, min: 8, message: '密码至少 8 位' }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={update.isPending}>
            {t('common.save')}
          </Button>
        </Form>
      </Modal>
    </>
  );
}
