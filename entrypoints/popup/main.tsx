import { render } from 'preact';
import { Popup } from '../../components/popup/Popup';
import { popupServices } from './services';
import './style.css';

render(<Popup services={popupServices} />, document.getElementById('app')!);
