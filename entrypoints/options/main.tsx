import { render } from 'preact';
import { Options } from '../../components/options/Options';
import { optionsServices } from './services';
import './style.css';

render(<Options services={optionsServices} />, document.getElementById('app')!);
