// A server component: the data comes from the server, the heatmap is a client component.
import data from './attribution.json';
import { Attribution } from './Attribution';

export default function Page() {
  return (
    <main>
      <Attribution rows={data.rows} columns={data.columns} values={data.values} />
    </main>
  );
}
