import { render } from 'preact';
import { Options } from '../../pages/options/Options';
import { optionsServices } from '../../pages/options/services';
import './style.css';

render(<Options services={optionsServices} />, document.getElementById('app')!);
