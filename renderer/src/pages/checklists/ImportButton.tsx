import { UploadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useRef } from 'react';

/** A button that opens a file chooser for a JSON file and hands its text over. */
export function ImportButton({
  label,
  onText,
  loading,
}: {
  label: string;
  onText: (text: string) => void;
  loading?: boolean;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button icon={<UploadOutlined />} loading={loading ?? false} onClick={() => input.current?.click()}>
        {label}
      </Button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        aria-label={label}
        style={{ display: 'none' }}
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Reset so choosing the same file again (after fixing it) fires another change.
          e.target.value = '';
          if (file) void file.text().then(onText);
        }}
      />
    </>
  );
}
