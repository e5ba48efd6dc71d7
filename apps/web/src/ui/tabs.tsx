/** Buttons that pick one view of a list (aria-pressed), with a Refresh that asks the server again. */
interface TabsProps<T extends string> {
  /** Names the group for assistive technology. */
  label: string;
  tabs: readonly { value: T; label: string }[];
  value: T;
  onChange(value: NoInfer<T>): void;
  onRefresh(): void;
}

export function Tabs<T extends string>({ label, tabs, value, onChange, onRefresh }: TabsProps<T>) {
  return (
    <div className="tabs" role="group" aria-label={label}>
      {tabs.map((tab) => (
        <button key={tab.value} type="button" className={value === tab.value ? 'tab tab--active' : 'tab'} aria-pressed={value === tab.value} onClick={() => onChange(tab.value)}>
          {tab.label}
        </button>
      ))}
      <button type="button" className="button button--link" onClick={onRefresh}>
        Refresh
      </button>
    </div>
  );
}
