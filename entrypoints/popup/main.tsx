import { render } from 'preact';

render(<p>Vivre</p>, document.getElementById('app')!);
